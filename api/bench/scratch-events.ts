import { makeHarness } from '../src/test/harness.js';
import { startInstance } from '../src/features/instances/start-instance.js';
import { fireEvent } from '../src/features/instances/fire-event.js';
const h = await makeHarness();
const definitionId = h.publish();
const actor = h.authUser('principalA');
const started = startInstance(h.deps, { definitionId, subjectOrgId: h.orgs.schoolA, data: { title: 'x' }, actor });
let version = started.body.version;
const id = started.body.id;
const run = (n: number) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = fireEvent(h.deps, { actor, instanceId: id, event: { type: 'SAVE', data: {} } as never, expectedVersion: version });
    version = r.version;
  }
  return (performance.now() - t0) / n;
};
run(500);
const ms = [run(3000), run(3000), run(3000)];
console.log('ms/event', ms.map((m) => m.toFixed(3)).join(' '));
h.close();
