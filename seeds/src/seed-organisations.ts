import { createOrganisation, type Deps } from '@eduflow/api';

import { DEPARTMENTS, DISTRICT, GROUPS } from './district.js';

export type OrgIndex = {
  districtId: string;
  /** Group key (S1…K5) → organisation id. */
  groups: Map<string, string>;
  /** School name → organisation id, and the code each school got (S1-01 is the lead school of S1). */
  schools: Map<string, { id: string; code: string; groupKey: string }>;
  departments: Map<string, string>;
};

/** The district → group → school tree, plus the outside departments, created through the use-case. */
export async function seedOrganisations(deps: Deps): Promise<OrgIndex> {
  const district = await createOrganisation(deps, {
    type: 'district',
    name: DISTRICT.name,
    shortName: DISTRICT.shortName,
    code: DISTRICT.code,
  });
  const index: OrgIndex = { districtId: district.id, groups: new Map(), schools: new Map(), departments: new Map() };
  for (const g of GROUPS) {
    const group = await createOrganisation(deps, {
      type: 'group',
      name: g.name,
      parentId: district.id,
      groupKind: g.kind,
      code: `${DISTRICT.code}-${g.key}`,
    });
    index.groups.set(g.key, group.id);
    for (const [i, name] of g.schools.entries()) {
      const code = `${g.key}-${String(i + 1).padStart(2, '0')}`;
      const school = await createOrganisation(deps, {
        type: 'school',
        name,
        parentId: group.id,
        code: `${DISTRICT.code}-${code}`,
      });
      index.schools.set(name, { id: school.id, code, groupKey: g.key });
    }
  }
  for (const name of DEPARTMENTS)
    index.departments.set(
      name,
      (await createOrganisation(deps, { type: 'department', name, parentId: district.id })).id,
    );
  return index;
}
