import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents, findings } from '../../db/schema.js';
import { uploadEvidence } from '../../test/evidence-upload.js';
import { CHECKLIST_V1 } from '../../test/fixtures/reference-docs.js';
import { makeWorkflowHarness, type WorkflowHarness } from '../../test/workflow-harness.js';
import { createReference } from '../reference/create-reference.js';
import { publishReference } from '../reference/publish-reference.js';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await makeWorkflowHarness();
  // A newer checklist: a failed PHY-01 needs its own site photo.
  const items = CHECKLIST_V1.items.map((i) =>
    i.code === 'PHY-01' ? { ...i, evidence: '现场照片', evidenceRequired: true } : i,
  );
  await publishReference(h.deps, {
    kind: 'checklist',
    id: (
      await createReference(h.deps, { kind: 'checklist', name: 'checklist v2', content: { ...CHECKLIST_V1, items } })
    ).id,
  });
});
afterAll(() => h.close());

const uploadFor = (instanceId: string, who: string, field: string) =>
  uploadEvidence(h, instanceId, who, field, '机房照片.png');

async function inspectionWith(fails: string[]) {
  const bulk = await h.post(
    '/api/bulk/instances',
    {
      definitionId: h.defs['security-inspection'],
      subjectOrgIds: [h.orgs.schoolA],
      data: { round: `证据${fails.join()}` },
      assignments: { inspector: [h.users.inspector] },
    },
    await h.as('admin'),
  );
  const id: string = (await bulk.json()).started[0].instanceId;
  const items = CHECKLIST_V1.items.map((i) => ({
    ...i,
    result: fails.includes(i.code) ? 'fail' : 'pass',
    ...(fails.includes(i.code) ? { severity: 'medium', note: '未达标' } : {}),
  }));
  expect((await h.fire(id, 'principalA', 'SUBMIT', { data: { items } })).status).toBe(200);
  return id;
}

describe('evidence per checklist item', () => {
  it('a failed item that requires evidence refuses RAISE_FINDINGS with a message on that row, in both languages; no finding is written', async () => {
    const id = await inspectionWith(['PHY-01', 'HOST-01']);
    const res = await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.rule).toBe('itemEvidenceRequired');
    // Only PHY-01 requires evidence; HOST-01 does not.
    expect(Object.keys(body.error.fieldErrors)).toEqual(['items.PHY-01']);
    expect(body.error.fieldErrors['items.PHY-01']['zh-CN']).toContain('须上传现场照片');
    expect(body.error.fieldErrors['items.PHY-01'].en).toContain('attach a site photo');
    expect((await h.view(id)).state).toBe('inspection');
    expect(await h.db.select().from(findings).where(eq(findings.instanceId, id))).toEqual([]);
    const denied = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('once the inspector attaches a photo to that item, findings are raised; a file on another item does not count', async () => {
    const id = await inspectionWith(['PHY-01']);
    const other = await uploadFor(id, 'inspector', 'items.HOST-01');
    expect(other.status).toBe(201);
    expect((await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(422);

    const photo = await uploadFor(id, 'inspector', 'items.PHY-01');
    expect(photo.status).toBe(201);
    expect(await photo.json()).toMatchObject({ field: 'items.PHY-01', mime: 'image/png' });
    const listed = await (await h.get(`/api/attachments?instanceId=${id}`, await h.as('inspector'))).json();
    expect(listed.items.map((a: { field: string }) => a.field).sort()).toEqual(['items.HOST-01', 'items.PHY-01']);

    const raised = await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' });
    expect(raised.status, JSON.stringify(await raised.clone().json())).toBe(200);
    expect((await h.view(id)).state).toBe('rectification');
  });

  it('evidence for an item the form does not have is a 422 on the field, nothing stored', async () => {
    const id = await inspectionWith([]);
    const res = await uploadFor(id, 'inspector', 'items.NOPE-99');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.fieldErrors.field).toEqual({
      'zh-CN': '表单中没有检查项 NOPE-99',
      en: 'The form has no checklist item NOPE-99',
    });
    const listed = await (await h.get(`/api/attachments?instanceId=${id}`, await h.as('inspector'))).json();
    expect(listed.items).toEqual([]);
  });

  it('handing in a rectification needs a note and a file on each finding, attached after it was raised (422 naming the rows, nothing written)', async () => {
    const id = await inspectionWith(['PHY-01', 'HOST-01']);
    expect((await uploadFor(id, 'inspector', 'items.PHY-01')).status).toBe(201);
    h.clock.advance(60_000);
    expect((await h.fire(id, 'inspector', 'RAISE_FINDINGS', { comment: '存在问题' })).status).toBe(200);
    const version = (await h.view(id)).version;
    const notes = {
      rectifications: [
        { code: 'PHY-01', note: '已加装门禁' },
        { code: 'HOST-01', note: '已重置口令' },
      ],
    };
    // The inspector's photo of the failure is not the fix; a note alone is not evidence.
    const bare = await h.fire(id, 'principalA', 'SUBMIT_RECTIFICATION', { data: notes });
    expect(bare.status).toBe(422);
    const body = await bare.json();
    expect(body.error.rule).toBe('rectificationReplyRequired');
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(['items.HOST-01', 'items.PHY-01']);
    expect(body.error.fieldErrors['items.PHY-01']['zh-CN']).toBe('PHY-01 须上传整改后的现场照片或文件');
    expect(body.error.message['zh-CN']).toContain('PHY-01');
    expect((await h.view(id)).version).toBe(version);
    expect(
      (await h.db.select().from(findings).where(eq(findings.instanceId, id))).every((f) => f.rectifiedAt === null),
    ).toBe(true);

    h.clock.advance(60_000);
    expect((await uploadFor(id, 'principalA', 'items.PHY-01')).status).toBe(201);
    expect((await uploadFor(id, 'principalA', 'items.HOST-01')).status).toBe(201);
    // Without a note on a finding: refused on that finding's row.
    const noNote = await h.fire(id, 'principalA', 'SUBMIT_RECTIFICATION', {
      data: { rectifications: [{ code: 'PHY-01', note: '已加装门禁' }] },
    });
    expect(noNote.status).toBe(422);
    expect((await noNote.json()).error.fieldErrors).toEqual({
      'rectifications.HOST-01': { 'zh-CN': 'HOST-01 请填写整改说明', en: 'HOST-01: say what was done' },
    });
    const handed = await h.fire(id, 'principalA', 'SUBMIT_RECTIFICATION', { data: notes });
    expect(handed.status, JSON.stringify(await handed.clone().json())).toBe(200);
    expect((await h.view(id)).state).toBe('verification');
  });
});
