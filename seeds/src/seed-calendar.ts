import { type Deps, putCalendar, type TAuthUser } from '@eduflow/api';

/**
 * The district's school vacations for 2026–2027 (Chongqing's usual windows), saved through the
 * calendar use-case so the save is versioned and audited like the bureau's own. Statutory holidays
 * and make-up days come from the engine's dataset and are not repeated here.
 */
export const DEMO_VACATIONS = [
  { from: '2026-07-04', to: '2026-08-31', name: '2026 年暑假' },
  { from: '2027-01-23', to: '2027-02-21', name: '2027 年寒假' },
  { from: '2027-07-03', to: '2027-08-31', name: '2027 年暑假' },
];

export async function seedCalendar(deps: Deps, admin: TAuthUser) {
  return await putCalendar(deps, {
    holidays: [],
    workdays: [],
    vacations: DEMO_VACATIONS,
    expectedVersion: 0,
    actor: admin,
  });
}
