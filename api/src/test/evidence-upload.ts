import type { WorkflowHarness } from './workflow-harness.js';

// The smallest valid PNG (1×1), standing in for a tablet camera's photo or a school's data.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** Uploads a photo as `who` to an instance, on `field` (e.g. `items.PHY-01`, `indicatorScores.uplift`), through the route. */
export async function uploadEvidence(
  h: WorkflowHarness,
  instanceId: string,
  who: string,
  field: string,
  name = '现场照片.png',
) {
  const s = await h.as(who);
  const form = new FormData();
  form.set('file', new File([PNG], name, { type: 'image/png' }));
  form.set('instanceId', instanceId);
  form.set('field', field);
  return h.app.request('/api/attachments', {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
  });
}
