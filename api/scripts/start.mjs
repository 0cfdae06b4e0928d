// @ts-check
/**
 * `npm start`: builds whatever a source change made stale (nothing, usually: `npm install` built it),
 * then runs the built server with plain node — no bundler, no TypeScript at run time.
 */
import { ensureBuilt } from './build.mjs';

await ensureBuilt();
await import('../dist/server.js');
