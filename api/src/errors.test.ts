import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, makeHarness, type Session } from './test/harness.js';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await makeHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

const expectBilingual = (error: { message: Record<string, string> }) => {
  expect(error.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message.en).toMatch(/[a-z]/i);
};

describe('errors never become 500s', () => {
  it('malformed JSON → 400 VALIDATION with zh-CN and en messages', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION');
    expectBilingual(error);
  });

  it('malformed JSON on an authenticated write → 400, not 500', async () => {
    const res = await h.app.request('/api/definitions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: '{oops',
    });
    expect(res.status).toBe(400);
  });

  it('a wrong content type → 400 VALIDATION', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });

  it('schema violations → 400 with per-field messages in both languages', async () => {
    const res = await h.post('/api/auth/login', { username: '', password: 5 });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['password', 'username']);
    expectBilingual({ message: error.fieldErrors.username });
  });

  it('bad query parameters → 400', async () => {
    const res = await h.get('/api/instances?limit=1000', admin);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors.limit).toBeTruthy();
    const bad = await h.get('/api/instances?cursor=not-a-cursor', admin);
    expect(bad.status).toBe(400);
  });

  it('an unknown route → 404 JSON in the contract shape', async () => {
    const res = await h.get('/api/nope', admin);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const { error } = await res.json();
    expect(error.code).toBe('NOT_FOUND');
    expectBilingual(error);
  });

  it('an oversized body → 413 VALIDATION', async () => {
    const big = JSON.stringify({ definition: { blob: 'x'.repeat(1100 * 1024) } });
    const res = await h.app.request('/api/definitions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });

  it('an invalid workflow definition → 422 with the validator’s messages by path', async () => {
    const res = await h.post('/api/definitions', { definition: { key: 'Bad Key', states: {} } }, admin);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fieldErrors).length).toBeGreaterThan(0);
  });

  it('a CASL refusal in a handler → 403 FORBIDDEN, audited', async () => {
    const principal = await h.signIn('principalA');
    const res = await h.post('/api/definitions', { definition: {} }, principal);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });

  it('sets security headers', async () => {
    const res = await h.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
  });
});

describe('health and OpenAPI', () => {
  it('GET /api/health', async () => {
    expect(await (await h.get('/api/health')).json()).toMatchObject({ status: 'ok', db: 'ok' });
  });

  it('sends a strict Content-Security-Policy on the API, and the docs page its own (issue 10.7)', async () => {
    const csp = (await h.get('/api/health')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const docs = (await h.get('/api/docs')).headers.get('content-security-policy') ?? '';
    expect(docs).toContain('https://cdn.jsdelivr.net');
  });

  it('serves an OpenAPI 3 document listing every contract route, and Swagger UI', async () => {
    const doc = await (await h.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/me',
        'GET /api/orgs',
        'GET /api/definitions',
        'GET /api/definitions/{id}',
        'POST /api/definitions',
        'POST /api/definitions/{id}/publish',
        'GET /api/definitions/{id}/publish-check',
        'GET /api/definitions/{id}/start-subjects',
        'POST /api/instances',
        'GET /api/instances',
        'GET /api/instances/{id}',
        'POST /api/instances/{id}/events',
        'GET /api/instances/{id}/history',
        // issue 12: 预检 and the bulk start's warning of schools already in the round (ADR 0022)
        'POST /api/instances/precheck',
        'POST /api/bulk/instances/open-in-round',
        'GET /api/tasks',
        'GET /api/tasks/done',
        'GET /api/audit',
        'GET /api/audit/verify',
        'GET /api/audit/checkpoints',
        'GET /api/audit/checkpoints.log',
        // audit retention (ADR 0015)
        'GET /api/audit/archive/preview',
        'POST /api/audit/archive',
        'GET /api/audit/archives',
        'GET /api/audit/archives/{id}',
        // issue 3: workflow reference data, bulk start, reports, 负担码
        'GET /api/reference/{kind}',
        'POST /api/reference/{kind}',
        'POST /api/reference/{kind}/{id}/publish',
        'POST /api/bulk/instances',
        'GET /api/reports/security-inspection',
        'GET /api/reports/bundled-assessment',
        'GET /api/reports/campus-entry',
        'GET /api/reports/teaching-award',
        'POST /api/burden-reports',
        'GET /api/burden-reports',
        'POST /api/burden-reports/{id}/resolve',
        'GET /api/burden-reports/{id}',
        'POST /api/delegations',
        'GET /api/delegations',
        'POST /api/delegations/{id}/revoke',
        'GET /api/findings',
        'POST /api/campus-entry/merges',
        'GET /api/campus-entry/{id}/mergeable',
        // issue 4: console-facing endpoints
        'POST /api/auth/change-password',
        'POST /api/auth/2fa/enrol',
        'POST /api/auth/2fa/confirm',
        'GET /api/users',
        'POST /api/users',
        'PATCH /api/users/{id}',
        'POST /api/orgs',
        'PATCH /api/orgs/{id}',
        'GET /api/calendar',
        'GET /api/calendar/due-date',
        'PUT /api/calendar',
        // issue 9: statutory calendar coverage
        'GET /api/calendar/coverage',
        'GET /api/calendar/statutory',
        'GET /api/calendar/statutory/template.xlsx',
        'PUT /api/calendar/statutory/{year}',
        'DELETE /api/calendar/statutory/{year}',
        'POST /api/calendar/statutory/{year}/import',
        'GET /api/notifications',
        'POST /api/notifications/{id}/read',
        'POST /api/notifications/read-all',
        'GET /api/reports/overview',
        'POST /api/attachments',
        'GET /api/attachments',
        'GET /api/attachments/{id}',
        'POST /api/tasks/bulk',
        'GET /api/exports/{file}',
        'POST /api/imports/{kind}',
        // issue 5: the designer
        'PUT /api/definitions/{id}',
        'POST /api/definitions/clone',
        'GET /api/definitions/{id}/diff',
        'GET /api/definitions/{id}/export',
        'POST /api/definitions/{id}/migrations',
      ].sort(),
    );
    const docs = await h.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });
});
