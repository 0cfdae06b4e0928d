// Issue 11: what the planner saw on the 1M-instance bench city (2,508 organisations): sqlite_stat1 rows
// of its instances and organisations, for plan tests that must choose as SQLite would on a city.
export const CITY_STATS: Array<[string, string, string]> = [
  ['instances', 'instances_state_id_idx', '1000000 501 1'],
  ['instances', 'instances_due_idx', '1000000 182 1'],
  ['instances', 'instances_created_idx', '1000000 84 1'],
  ['instances', 'instances_updated_idx', '1000000 63 1'],
  ['instances', 'instances_state_updated_idx', '1000000 501 72 1'],
  ['instances', 'instances_subject_updated_idx', '1000000 126 63 1'],
  ['instances', 'instances_group_updated_idx', '1000000 501 69 1'],
  ['instances', 'instances_created_by_updated_idx', '1000000 1001 2 1'],
  ['instances', 'instances_created_by_created_idx', '1000000 1001 2 1'],
  ['instances', 'instances_created_by_due_idx', '1000000 1001 1001 1'],
  ['instances', 'instances_created_by_state_idx', '1000000 1001 501 1'],
  ['instances', 'instances_definition_created_idx', '1000000 1001 69'],
  ['instances', 'instances_definition_period_idx', '1000000 1001 1001'],
  ['instances', 'sqlite_autoindex_instances_1', '1000000 1'],
  ['organisations', 'organisations_type_idx', '2508 251'],
  ['organisations', 'organisations_parent_idx', '2508 8'],
  ['organisations', 'sqlite_autoindex_organisations_1', '2508 1'],
];
