/**
 * The event path in process, without HTTP: one principal saving (`SAVE`) one self-check over and over on
 * a fresh test database; prints milliseconds per event for three runs of 3,000. What issue 11's profiles
 * of the event path were taken on (`node --cpu-prof --import tsx api/bench/event-in-process.ts`).
 *   npx tsx api/bench/event-in-process.ts
 */
import { fireEvent } from '../src/features/instances/fire-event.js';
import { startInstance } from '../src/features/instances/start-instance.js';
import { makeHarness } from '../src/test/harness.js';

const h = await makeHarness();
const definitionId = await h.publish();
const actor = await h.authUser('principalA');
const started = await startInstance(h.deps, {
  definitionId,
  subjectOrgId: h.orgs.schoolA,
  data: { title: 'x' },
  actor,
});
let version = started.body.version;
const run = async (n: number) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    version = (
      await fireEvent(h.deps, {
        actor,
        instanceId: started.body.id,
        event: { type: 'SAVE', data: {} },
        expectedVersion: version,
      })
    ).version;
  }
  return (performance.now() - t0) / n;
};
await run(500); // warm-up
console.log('ms per event:', [await run(3000), await run(3000), await run(3000)].map((m) => m.toFixed(3)).join(' '));
await h.close();
