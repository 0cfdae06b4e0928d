import type { BlockParams } from '../../engine.js';

type Data = Record<string, unknown>;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : [];
const union = (lists: string[][]) => [...new Set(lists.flat())];
const maxOf = (values: unknown[]): number | null => {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return nums.length ? Math.max(...nums) : null;
};

/**
 * What the surviving request carries after a merge. The activity is held once, so:
 * (the fields are the ones the definition's `mergeRequests` block names)
 * - schools: the union, the survivor's first (each school is visited once, and counted once);
 * - date and title: the survivor's — the reviewer picks as survivor the request whose date stands;
 * - student and teacher hours: the largest plan, not the sum (hours are per visit, and there is one visit);
 * - materials: every plan submitted, so no school loses the document it was promised.
 */
export function mergedFields(
  survivor: Data,
  absorbed: Array<{ id: string; data: Data }>,
  p: BlockParams<'mergeRequests'>,
): Data {
  const all = [survivor, ...absorbed.map((a) => a.data)];
  const out: Data = {
    [p.schoolsField]: union(all.map((d) => strings(d[p.schoolsField]))),
    // Requests merged earlier into an absorbed one follow it, so the survivor links to every one.
    [p.fromField]: union([
      strings(survivor[p.fromField]),
      ...absorbed.map((a) => [a.id, ...strings(a.data[p.fromField])]),
    ]),
  };
  for (const name of p.maxFields) {
    const value = maxOf(all.map((d) => d[name]));
    if (value !== null) out[name] = value;
  }
  const files = p.filesField ? union(all.map((d) => strings(d[p.filesField!]))) : [];
  if (p.filesField && files.length) out[p.filesField] = files;
  return out;
}

/** The fields a merge writes at the merge step, which the stored definition keeps read-only there. */
export const mergeWrites = (p: BlockParams<'mergeRequests'>) => [
  p.schoolsField,
  ...p.maxFields,
  ...(p.filesField ? [p.filesField] : []),
  p.intoField,
  p.fromField,
];
