import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { AUDIT_ARCHIVES_DIR_NAME } from '../../data-dir.js';
import { appendTestEvent } from '../../test/audit-tamper.js';
import { type Harness, makeHarness, type Session } from '../../test/harness.js';
import { FIRST_KEPT_SQL } from './preview-archive.js';

// SQLite's own side of the archive (this file runs on SQLite only): the preview's query plan, and the
// command line that opens the SQLite file. The archive itself is tested on both engines (archive.test.ts).
const DAY = 86_400_000;
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

const districtDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** As archive.test.ts's: setup events, one event a day for 60 days from 400 days ago, then today's. */
async function oldLog() {
  const start = Date.now() - 400 * DAY;
  const h = await makeHarness({ clockStart: new Date(start).toISOString() });
  open.push(h);
  for (let d = 1; d <= 60; d++) {
    h.clock.set(new Date(start + d * DAY).toISOString());
    await appendTestEvent(h, String(d));
  }
  h.clock.set(new Date().toISOString());
  const auditor = await h.signIn('auditor');
  return { h, auditor, start, before: (days: number) => districtDay(start + days * DAY) };
}

const archive = (h: Harness, s: Session, before: string) => h.post('/api/audit/archive', { before }, s);
const archiveDir = (h: Harness) => join(h.dir, AUDIT_ARCHIVES_DIR_NAME);

describe('audit archive on SQLite', () => {
  it('the preview reads only the retention window (the `at` index from the cut-off on), never the history before it', async () => {
    const { h } = await oldLog();
    const plan = h.sqlite.prepare(`explain query plan ${FIRST_KEPT_SQL}`).all('2026-01-01T00:00:00.000Z') as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /SEARCH audit_events USING COVERING INDEX audit_at_idx \(at>\?\)/,
    );
  });

  it('npm run audit:verify-archive checks a file and its link to the live chain (exit 0), and fails a tampered one (exit 1)', async () => {
    const { h, auditor, before } = await oldLog();
    const manifest = await (await archive(h, auditor, before(31))).json();
    const path = join(archiveDir(h), manifest.file);
    const run = (args: string[]) =>
      promisify(execFile)(
        'npx',
        ['tsx', 'api/src/ops/verify-archive-cli.ts', ...args, '--data-dir', h.dir, '--db', join(h.dir, 'test.db')],
        { cwd: join(__dirname, '../../../..') },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const good = await run([path]);
    expect(good.code).toBe(0);
    expect(good.out).toContain(`OK   ${manifest.file}`);
    expect(good.out).toContain('recorded in: live; linked before: genesis; linked after: live');
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const bad = await run([path]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`FAIL ${manifest.file}`);
  });
});
