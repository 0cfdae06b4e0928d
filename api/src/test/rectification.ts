import { uploadEvidence } from './evidence-upload.js';
import type { WorkflowHarness } from './workflow-harness.js';

type Finding = { itemCode: string };

/** The instance's open findings, as the school reads them. */
export async function openFindings(h: WorkflowHarness, id: string, who = 'principalA'): Promise<Finding[]> {
  const res = await h.get(`/api/findings?instanceId=${id}&status=open&limit=100`, await h.as(who));
  return ((await res.json()) as { items: Finding[] }).items;
}

/**
 * The school hands its rectification in the way the template asks: a photo of the fix on each open finding's
 * item and a note per finding. The test clock stands still, so it first moves a second on: evidence counts
 * only when newer than the finding (or its last return).
 */
export async function handInRectification(
  h: WorkflowHarness,
  id: string,
  who = 'principalA',
  extra: Record<string, unknown> = {},
) {
  const open = await openFindings(h, id, who);
  h.clock.advance(1000);
  for (const f of open) {
    const res = await uploadEvidence(h, id, who, `items.${f.itemCode}`, `整改后${f.itemCode}.png`);
    if (res.status !== 201) throw new Error(`upload for ${f.itemCode}: ${res.status} ${await res.text()}`);
  }
  return h.fire(id, who, 'SUBMIT_RECTIFICATION', {
    data: { rectifications: open.map((f) => ({ code: f.itemCode, note: `${f.itemCode} 已整改` })), ...extra },
  });
}
