/** The datum under a click in a G2 chart event (`element:click`), or null for any other event. */
export function clickedDatum(event: unknown): Record<string, unknown> | null {
  if (typeof event !== 'object' || event === null) return null;
  const e = event as { type?: unknown; data?: { data?: unknown } };
  if (e.type !== 'element:click') return null;
  const d = e.data?.data;
  return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
}
