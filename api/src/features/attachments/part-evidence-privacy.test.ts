import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uploadEvidence } from '../../test/evidence-upload.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
});
afterAll(() => h.close());

type Listed = { items: Array<{ id: string; name: string; uploadedBy: string }> };

// Issue 12.3 follow-up: a member school's evidence for its own part is the school's, like its answers: the
// group lead and the bureau read it; the other member schools of the group do not, in the 佐证材料 list
// or by the file's address.
describe('evidence attached to a part follows the part’s readers', () => {
  it('another member school neither lists nor downloads it; the author, the lead and the bureau do', async () => {
    const [id] = (await h.openAssessmentCycle([h.orgs.group1])) as [string];
    const upload = await uploadEvidence(h, id, 'principalA', 'indicatorScores.uplift', '实验小学提升数据.png');
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };
    const own = await uploadEvidence(h, id, 'principalA2', 'indicatorScores.cadre', '分校干部交流.png');
    expect(own.status).toBe(201);

    const listed = async (who: string) =>
      ((await (await h.get(`/api/attachments?instanceId=${id}`, await h.as(who))).json()) as Listed).items
        .map((a) => a.name)
        .sort();
    const download = async (who: string) => (await h.get(`/api/attachments/${file.id}`, await h.as(who))).status;

    // Each school lists its own part's evidence only; the lead of the group and the bureau list both.
    expect(await listed('principalA2')).toEqual(['分校干部交流.png']);
    expect(await listed('principalA')).toEqual(['实验小学提升数据.png']);
    expect(await download('principalA2')).toBe(404);
    for (const who of ['principalA', 'lead1', 'reviewer1']) expect(await download(who)).toBe(200);
    for (const who of ['lead1', 'reviewer1'])
      expect(await listed(who)).toEqual(['分校干部交流.png', '实验小学提升数据.png'].sort());
    // The refused download is on the record, like any denial.
    const audit = await h.get(
      `/api/audit?action=attachment.download&outcome=denied&entityId=${id}`,
      await h.as('auditor'),
    );
    expect(audit.status).toBe(200);
    const events = ((await audit.json()) as { items: Array<{ actorId: string }> }).items;
    expect(events.map((e) => e.actorId)).toEqual([h.users.principalA2]);
  });
});
