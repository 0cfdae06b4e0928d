import { readFileSync } from 'node:fs';

/**
 * The API package's version, read beside the running module: from api/src/<dir>/ in development and from
 * api/dist/ when built, so both places are looked at.
 */
export function appVersion(from: string): string | undefined {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, from), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@eduflow/api') return pkg.version;
    } catch {
      // not there: the other place
    }
  }
  return undefined;
}
