/**
 * Audit chain at scale: builds a chain of BENCH_AUDIT_ROWS (default 2,000,000) events spread over the last
 * two years in a temp database (hashes computed for real, inserted in large transactions), then prints
 *   - GET /api/audit/verify's work at 20,000 and 1,000,000 events and at the full size: a full walk and an
 *     incremental one after 1,000 new events, plus the longest stall of the event loop during the async walk;
 *   - archiving the events older than a year (file, chunked removal, file size) and verify after it;
 *   - `npm run backup` of that data folder and a restore drill from it.
 * Prints figures; asserts nothing.   npm run bench:audit     (BENCH_AUDIT_ROWS=… to change)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { GENESIS_HASH, hashEvent } from '../src/audit/append.js';
import { auditHead } from '../src/audit/checkpoints.js';
import { verifyAuditChain, verifyAuditChainAsync } from '../src/audit/verify.js';
import { defineAbilityFor } from '../src/auth/ability.js';
import { loadAuthUser } from '../src/auth/user.js';
import { AUDIT_ARCHIVES_DIR_NAME, AUDIT_VERIFIED_FILE_NAME } from '../src/data-dir.js';
import { openDb } from '../src/db/client.js';
import { closeDb } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Deps } from '../src/deps.js';
import { archiveAudit } from '../src/features/audit/archive-audit.js';
import { previewArchive } from '../src/features/audit/preview-archive.js';
import { createOrganisation } from '../src/features/orgs/create-organisation.js';
import { createUser } from '../src/features/users/create-user.js';
import { backup } from '../src/ops/backup.js';
import { restore } from '../src/ops/restore.js';

const TOTAL = Number(process.env.BENCH_AUDIT_ROWS ?? 2_000_000);
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'eduflow-bench-audit-'));
const db = openDb(join(dir, 'eduflow.db'));
migrate(db);
const deps: Deps = { db, clock: () => new Date(), auditCheckpointFile: join(dir, 'audit-checkpoints.log') };
const positionFile = join(dir, AUDIT_VERIFIED_FILE_NAME);
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Events over the last two years, oldest first, shaped like the real ones (an instance event with before/after);
// the "new" events measured below continue the same timeline, so `at` grows with seq as in production.
const span = 730 * DAY;
const t0Ms = Date.now() - span - DAY;
const atOf = (seq: number) => new Date(t0Ms + Math.floor((seq / (TOTAL + 10_000)) * span)).toISOString();
const insert = db.$client.prepare(
  'insert into audit_events (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, outcome, before, after, meta, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
);
let prev = GENESIS_HASH;
let built = 0;
function grow(to: number) {
  const t = performance.now();
  while (built < to) {
    db.$client.transaction(() => {
      for (let k = 0; k < 50_000 && built < to; k++) {
        const seq = ++built;
        const e = {
          seq,
          id: crypto.randomUUID(),
          at: atOf(seq),
          actorId: 'u-principal-1',
          actorName: '张校长',
          action: 'instance.event',
          entityType: 'Instance',
          entityId: crypto.randomUUID(),
          outcome: 'success' as const,
          before: { state: 'selfCheck', version: seq },
          after: { state: 'inspection', version: seq + 1 },
          meta: { event: 'SUBMIT', comment: '自查完成，请检查员复核。', delegatedFor: null },
        };
        const hash = hashEvent(prev, e);
        insert.run(
          e.seq,
          e.id,
          e.at,
          e.actorId,
          e.actorName,
          e.action,
          e.entityType,
          e.entityId,
          e.outcome,
          JSON.stringify(e.before),
          JSON.stringify(e.after),
          JSON.stringify(e.meta),
          prev,
          hash,
        );
        prev = hash;
      }
    })();
  }
  console.log(
    `  (built to ${to.toLocaleString('en')} events in ${ms(t)}; database ${mb(statSync(join(dir, 'eduflow.db')).size)})`,
  );
}

/** The longest the event loop waited while `work` ran: what other requests would feel. */
async function withLag<T>(work: () => Promise<T>): Promise<[T, number]> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const result = await work();
  // One more turn of the timers, so a block just before `work` resolved is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return [result, worst];
}

/** New events through the real append path, as the server writes them. */
function appendLive(n: number) {
  for (let i = 0; i < n; i++) {
    const seq = ++built;
    const e = {
      seq,
      id: crypto.randomUUID(),
      at: atOf(seq),
      actorId: null,
      actorName: null,
      action: 'bench.event',
      entityType: 'Test',
      entityId: null,
      outcome: 'success' as const,
      before: null,
      after: null,
      meta: { i },
    };
    const hash = hashEvent(prev, e);
    insert.run(
      e.seq,
      e.id,
      e.at,
      null,
      null,
      e.action,
      e.entityType,
      null,
      e.outcome,
      null,
      null,
      JSON.stringify(e.meta),
      prev,
      hash,
    );
    prev = hash;
  }
}

async function measure() {
  const n = (await auditHead(db))?.seq ?? 0;
  rmSync(positionFile, { force: true });
  const tFull = performance.now();
  const [full, lag] = await withLag(() =>
    verifyAuditChainAsync(db, { positionFile, checkpointFile: deps.auditCheckpointFile }),
  );
  const fullMs = performance.now() - tFull;
  appendLive(1000);
  const tInc = performance.now();
  const inc = await verifyAuditChain(db, { positionFile, checkpointFile: deps.auditCheckpointFile });
  const incMs = performance.now() - tInc;
  const tNone = performance.now();
  await verifyAuditChain(db, { positionFile, checkpointFile: deps.auditCheckpointFile });
  const noneMs = performance.now() - tNone;
  console.log(
    `${n.toLocaleString('en').padStart(10)} events: full walk ${fullMs.toFixed(0)} ms (${((n / fullMs) * 1000).toFixed(0)} events/s, ${full.ok ? 'ok' : 'BROKEN'}; longest event-loop stall ${lag.toFixed(0)} ms) · ` +
      `incremental after 1,000 new events: ${incMs.toFixed(1)} ms (${inc.ok ? `${inc.mode}, ${inc.checked} rehashed` : 'BROKEN'}) · with nothing new: ${noneMs.toFixed(1)} ms`,
  );
}

console.log(
  `EduFlow audit bench — Node ${process.version}, ${TOTAL.toLocaleString('en')} events over two years, ${dir}`,
);
for (const size of [...new Set([20_000, 1_000_000, TOTAL])].filter((n) => n <= TOTAL)) {
  grow(size);
  await measure();
}

// Archive everything older than a year, as the auditor would (through the use-case, chain walk and all).
const district = await createOrganisation(deps, { type: 'district', name: '压测区教委' });
const created = await createUser(deps, {
  username: 'auditor',
  displayName: '审计员',
  password: 'Bench#Audit-2026!x',
  roles: [{ role: 'auditor', orgId: district.id }],
});
const auditor = await loadAuthUser(deps, created.id);
if (!auditor) throw new Error('no auditor');
const before = new Date(Date.now() - 365 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
const tPreview = performance.now();
const preview = await previewArchive(deps, { ability: defineAbilityFor(auditor), before });
console.log(`archive preview before ${before}: ${preview.count.toLocaleString('en')} events in ${ms(tPreview)}`);
const tArchive = performance.now();
const [manifest, archiveLag] = await withLag(() => archiveAudit(deps, { actor: auditor, before }));
const archiveMs = performance.now() - tArchive;
console.log(
  `archive: ${manifest.count.toLocaleString('en')} events (seq ${manifest.fromSeq}–${manifest.throughSeq}) in ${archiveMs.toFixed(0)} ms, ` +
    `file ${mb(manifest.bytes)} (${(manifest.bytes / manifest.count).toFixed(0)} bytes/event) · longest event-loop stall ${archiveLag.toFixed(0)} ms`,
);
const tAfter = performance.now();
const after = await verifyAuditChain(db, { positionFile, checkpointFile: deps.auditCheckpointFile });
console.log(
  `verify after archiving: ${after.ok ? `ok, ${after.mode}, ${after.checked} rehashed, anchor ${after.anchor?.seq}` : `BROKEN ${after.reason}`} in ${ms(tAfter)}`,
);
const tAfterFull = performance.now();
const afterFull = await verifyAuditChain(db, { full: true });
console.log(
  `full verify after archiving: ${afterFull.ok ? `ok, ${afterFull.count.toLocaleString('en')} live events` : `BROKEN ${afterFull.reason}`} in ${ms(tAfterFull)}`,
);
console.log(`archive kept in ${join(dir, AUDIT_ARCHIVES_DIR_NAME)}`);

// A backup of this data folder (database after the archive, the archive itself), then a restore drill.
const backedUp = await backup({ dataDir: dir, outDir: join(dir, 'backups') });
console.log(
  `npm run backup: ${backedUp.manifest.files.length} files, ${mb(backedUp.bytes)} in ${(backedUp.ms / 1000).toFixed(1)} s`,
);
const tRestore = performance.now();
const restored = await restore({ backupDir: backedUp.dir, dataDir: join(dir, 'restored') });
console.log(
  `npm run restore: ${restored.files} files, chain of ${restored.chain.count.toLocaleString('en')} events verified in full, ${restored.archives.length} archive verified, in ${ms(tRestore)}`,
);
closeDb(db);
rmSync(dir, { recursive: true, force: true });
