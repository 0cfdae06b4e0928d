import type { ReferenceDoc, ReferenceOf } from '../types/contract';
import { api, call } from './client';

/** The route's path segment for each stored kind. */
const PATH_OF = {
  'indicator-system': 'indicator-systems',
  whitelist: 'whitelists',
  checklist: 'checklists',
  'award-rubric': 'award-rubrics',
} as const satisfies Record<ReferenceDoc['kind'], string>;

/** The published versions of one kind of reference data, typed by that kind's document. */
export async function publishedReference<K extends ReferenceDoc['kind']>(
  kind: K,
  limit?: number,
): Promise<Array<ReferenceOf<K>>> {
  const page = await call(
    api.GET('/api/reference/{kind}', {
      params: { path: { kind: PATH_OF[kind] }, query: { status: 'published', limit } },
    }),
  );
  return page.items.filter((d): d is ReferenceOf<K> => d.kind === kind);
}
