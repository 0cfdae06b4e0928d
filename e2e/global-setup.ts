import { execFileSync } from 'node:child_process';

import { DEMO_PASSWORD, freePort, REPO_ROOT } from './harness';
import { removeSeeded, SEEDED_ENV, seedOnce } from './seeded-demo';

/** Before any browser test: the built console and server up to date, and the demo seeded once. */
export default async function setup(): Promise<() => void> {
  execFileSync(process.execPath, ['api/scripts/build.mjs', '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const healthy = async (url: string) => {
    for (let i = 0; i < 360; i++) {
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the demo server did not become healthy while seeding');
  };
  const dir = await seedOnce(REPO_ROOT, DEMO_PASSWORD, healthy, await freePort());
  process.env[SEEDED_ENV] = dir;
  return () => removeSeeded(dir);
}
