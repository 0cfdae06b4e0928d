/**
 * City databases cached under .bench/ by scale (1 = 1,000,000 instances with 10,000,000 audit events over
 * 2,000 schools), built once and copied into a throw-away data folder for each run.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { upgradeStored } from '../src/bootstrap/upgrade-stored.js';
import { closeDb } from '../src/db/client.js';
import { migrate, openDb } from '../src/index.js';
import { optimizeNow } from '../src/scheduler/start-optimizer.js';
import { buildCityDb, type TCityShape } from './city-db.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DIR = join(REPO_ROOT, '.bench');

export const shapeOf = (scale: number): TCityShape => ({
  instances: Math.round(scale * 1_000_000),
  auditEvents: Math.round(scale * 10_000_000),
  schools: 2000,
});

export type TCachedCity = {
  scale: number;
  file: string;
  shape: TCityShape;
  buildSeconds: number | null;
  source: string;
  generator: string;
  /** MIGRATED when the cached file was last brought up to this checkout's migrations and upgrades. */
  migratedWith?: string;
};

/** A cached database is reused only if city-db.ts has not changed since it was built. */
const GENERATOR = createHash('sha256')
  .update(readFileSync(join(REPO_ROOT, 'api/bench/city-db.ts')))
  .digest('hex')
  .slice(0, 12);

/**
 * What migrateCached applies: the migrations' journal and the stored-row upgrades. A city already brought up
 * to them is not walked again (at 1M the pass took 731 s, mostly PRAGMA optimize over 13 GB).
 */
const MIGRATED = [
  'api/src/db/migrations/meta/_journal.json',
  'api/src/bootstrap/upgrade-stored.ts',
  'api/src/bootstrap/declare-template-blocks.ts',
  'api/src/bootstrap/fill-periods.ts',
  'api/src/bootstrap/fill-titles.ts',
  'api/src/features/reports/declare-report-tallies.ts',
]
  .reduce((hash, path) => hash.update(readFileSync(join(REPO_ROOT, path))), createHash('sha256'))
  .digest('hex')
  .slice(0, 12);

/**
 * The cached database for `scale`: reused when `reuse` and it was built completely; else built anew.
 * `prebuilt` (a database buildCityDb made elsewhere at this scale) is hard-linked in instead of building.
 */
export async function cachedCity(
  scale: number,
  opts: { reuse: boolean; prebuilt?: string; log: (s: string) => void },
): Promise<TCachedCity> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `city-${scale}.db`);
  const meta = `${file}.json`;
  const shape = shapeOf(scale);
  if (opts.reuse && existsSync(file) && existsSync(meta)) {
    const kept = JSON.parse(readFileSync(meta, 'utf8')) as TCachedCity;
    if (kept.generator === GENERATOR) {
      opts.log(`scale ${scale}: reusing ${file} (${kept.source})`);
      if (kept.migratedWith !== MIGRATED) {
        await migrateCached(file, opts.log);
        writeFileSync(meta, JSON.stringify({ ...kept, migratedWith: MIGRATED }, null, 2));
      }
      return { ...kept, file, migratedWith: MIGRATED };
    }
    opts.log(`scale ${scale}: ${file} was built by another version of city-db.ts; building again`);
  }
  for (const f of [file, meta, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) unlinkSync(f);
  let entry: TCachedCity;
  if (opts.prebuilt) {
    opts.log(`scale ${scale}: using the prebuilt ${opts.prebuilt}`);
    try {
      linkSync(opts.prebuilt, file);
    } catch {
      copyFileSync(opts.prebuilt, file);
    }
    // The caller vouches that it came from this city-db.ts.
    entry = { scale, file, shape, buildSeconds: null, source: `prebuilt ${opts.prebuilt}`, generator: GENERATOR };
  } else {
    opts.log(
      `scale ${scale}: building ${shape.instances} instances, ${shape.auditEvents} audit events, ${shape.schools} schools`,
    );
    const t0 = performance.now();
    const building = `${file}.building`;
    for (const f of [building, `${building}-wal`, `${building}-shm`]) if (existsSync(f)) unlinkSync(f);
    const db = await buildCityDb(building, shape, opts.log);
    closeDb(db);
    renameSync(building, file);
    entry = {
      scale,
      file,
      shape,
      buildSeconds: (performance.now() - t0) / 1000,
      source: 'built by buildCityDb',
      generator: GENERATOR,
    };
  }
  writeFileSync(meta, JSON.stringify(entry, null, 2));
  return entry;
}

/**
 * Brings a reused city up to this checkout's migrations (and the start's upgrades of stored rows) once, so the measured start is a start on an
 * existing database (as an operator's restart is), not a one-off index build at 1M rows.
 */
async function migrateCached(file: string, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const db = openDb(file);
  try {
    migrate(db);
    await upgradeStored(db);
    // The statistics a first start would gather for new indexes (PRAGMA optimize), kept in the cached file.
    await optimizeNow(db, true);
  } finally {
    closeDb(db);
  }
  log(`  migrations applied to the cached city in ${Math.round(performance.now() - t0)} ms`);
}

/** A fresh data folder holding a copy of the cached database as eduflow.db; remove() deletes it. */
export function copyToRunDir(
  city: TCachedCity,
  label: string,
): { dir: string; file: string; bytes: number; remove: () => void } {
  const dir = mkdtempSync(join(BENCH_DIR, `run-${label}-`));
  const file = join(dir, 'eduflow.db');
  copyFileSync(city.file, file);
  return { dir, file, bytes: statSync(file).size, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
