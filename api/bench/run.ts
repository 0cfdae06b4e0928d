/**
 * Issue 11's benchmark over HTTP: for each city size, the real API server (a child process pinned to one
 * core) on a copy of a cached city database, against a bare Hono + better-sqlite3 endpoint doing the same
 * event; writes docs/bench/latest.md and .json. Measures; asserts nothing.
 *   npm run bench                         (scales 0.02 and 1: 20k and 1M instances)
 *   npm run bench -- --scale 0.02 --reuse (quick: 20k, reusing .bench/city-0.02.db)
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

// @ts-expect-error: a plain ES module without declarations
import { ensureBuilt } from '../scripts/build.mjs';
import { cachedCity, REPO_ROOT } from './city-cache.js';
import { measureScale, type TScaleResult } from './measure-scale.js';
import { parseOptions } from './options.js';
import { scaleLabel, writeReport } from './report.js';
import { canPin, pinSelf } from './start-server.js';

const opts = parseOptions(process.argv.slice(2));
const log = (s: string) => console.log(s);
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg(),
  pinned: canPin(),
  loadGeneratorPinned: pinSelf(),
};
log(
  `EduFlow benchmark — scales ${opts.scales.join(', ')}; ${machine.cores} cores, Node ${machine.node}${machine.pinned ? '; servers on core 1, load on core 0' : ''}`,
);

await ensureBuilt(); // the server measured is the built one `npm start` runs
const results: TScaleResult[] = [];
for (const scale of opts.scales) {
  const city = await cachedCity(scale, { reuse: opts.reuse, prebuilt: opts.prebuilt.get(scale), log });
  log(`scale ${scale}:`);
  const result = await measureScale(
    city,
    { durationMs: opts.durationMs, connections: opts.connections, cpuProf: opts.cpuProf },
    log,
  );
  results.push(result);
  log(`scale ${scale} (${scaleLabel(result)}) done`);
}

const out = resolve(REPO_ROOT, opts.out);
writeReport(
  {
    date: new Date().toISOString(),
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    machine,
    durationSeconds: opts.durationMs / 1000,
    connections: opts.connections,
    cpuProf: opts.cpuProf,
    scales: results,
  },
  out,
);
log(`report: ${out}.md, ${out}.json`);
