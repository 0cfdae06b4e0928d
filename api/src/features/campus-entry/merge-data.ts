type Data = Record<string, unknown>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
const union = (lists: string[][]) => [...new Set(lists.flat())];
const maxOf = (values: unknown[]): number | null => {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return nums.length ? Math.max(...nums) : null;
};

/**
 * What the surviving request carries after a merge. The activity is held once, so:
 * - schools: the union, the survivor's first (each school is visited once, and counted once);
 * - date and title: the survivor's — the reviewer picks as survivor the request whose date stands;
 * - student and teacher hours: the largest plan, not the sum (hours are per visit, and there is one visit);
 * - materials: every plan submitted, so no school loses the document it was promised.
 */
export function mergedFields(survivor: Data, absorbed: Array<{ id: string; data: Data }>): Data {
  const all = [survivor, ...absorbed.map((a) => a.data)];
  const out: Data = {
    schoolIds: union(all.map((d) => strings(d.schoolIds))),
    // Requests merged earlier into an absorbed one follow it, so the survivor links to every one.
    mergedFrom: union([strings(survivor.mergedFrom), ...absorbed.map((a) => [a.id, ...strings(a.data.mergedFrom)])]),
  };
  for (const name of ['studentHours', 'teacherHours'] as const) {
    const value = maxOf(all.map((d) => d[name]));
    if (value !== null) out[name] = value;
  }
  const materials = union(all.map((d) => strings(d.materials)));
  if (materials.length) out.materials = materials;
  return out;
}
