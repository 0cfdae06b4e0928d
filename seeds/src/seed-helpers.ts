import { type Deps, fireEvent, type TAuthUser } from '@eduflow/api';

const DAY = 86_400_000;

/** The same use-cases, run as if on an earlier day, so that demo deadlines fall due and overdue. */
export const daysAgo = (deps: Deps, days: number): Deps => ({
  ...deps,
  clock: () => new Date(deps.clock().getTime() - days * DAY),
});

/** A date `days` from the seed's today, as YYYY-MM-DD. */
export const dateIn = (deps: Deps, days: number) =>
  new Date(deps.clock().getTime() + days * DAY).toISOString().slice(0, 10);

type Extra = { data?: Record<string, unknown>; comment?: string };

/** Moves one instance step by step, keeping its version, each step on its own (earlier) day. */
export function mover(deps: Deps, instanceId: string, version: number) {
  let v = version;
  return async (who: TAuthUser, type: string, extra: Extra = {}, ago = 0) => {
    v = (
      await fireEvent(daysAgo(deps, ago), {
        actor: who,
        instanceId,
        event: { type, ...extra },
        expectedVersion: v,
      })
    ).version;
  };
}
