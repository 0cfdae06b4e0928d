import { makeHarness } from '../../test/harness.js';
import { migrateInstances } from '../definitions/migrate-instances.js';
import { fireEvent } from '../instances/fire-event.js';
import { startInstance } from '../instances/start-instance.js';

const DAY = 24 * 3600 * 1000;

/**
 * The dashboard tallies' tests' district (overview-tallies.test.ts on both engines, overview-tallies.sqlite.test.ts
 * for SQLite's plans): six weeks of requests across three schools, then a new version some are moved onto.
 */
export async function overviewTalliesFixture() {
  const h = await makeHarness();
  const v1 = await h.publish();
  // Two months and a new year of work across three schools: drafts, submissions, approvals, returns.
  const schools = [
    ['principalA', h.orgs.schoolA],
    ['principalA2', h.orgs.schoolA2],
    ['principalB', h.orgs.schoolB],
  ] as const;
  for (let day = 0; day < 45; day += 3) {
    for (const [who, org] of schools) {
      const actor = await h.authUser(who);
      const started = (
        await startInstance(h.deps, {
          actor,
          definitionId: v1,
          subjectOrgId: org,
          data: { title: `第${day}天` },
        })
      ).body;
      if (day % 2 === 0) {
        const sent = await fireEvent(h.deps, {
          actor,
          instanceId: started.id,
          event: { type: 'SUBMIT' },
          expectedVersion: started.version,
        });
        if (day % 4 === 0) {
          const one = await fireEvent(h.deps, {
            actor: await h.authUser('reviewer1'),
            instanceId: started.id,
            event: { type: 'APPROVE' },
            expectedVersion: sent.version,
          });
          await fireEvent(h.deps, {
            actor: await h.authUser('reviewer2'),
            instanceId: started.id,
            event: { type: 'APPROVE' },
            expectedVersion: one.version,
          });
        } else if (day % 6 === 0) {
          await fireEvent(h.deps, {
            actor: await h.authUser('reviewer1'),
            instanceId: started.id,
            event: { type: 'REJECT', comment: '请补充' },
            expectedVersion: sent.version,
          });
        }
      }
    }
    h.clock.advance(3 * DAY);
  }
  // A new version, and the drafts of schoolB moved onto it: tallies move with the instances and their tasks.
  const v2 = await h.publish();
  await migrateInstances(h.deps, {
    fromDefinitionId: v1,
    toDefinitionId: v2,
    mapping: { draft: 'draft', review: 'review' },
    dryRun: false,
    limit: 200,
    actor: await h.authUser('admin'),
  });
  return { h, v1, v2 };
}
