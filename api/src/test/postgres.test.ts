import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPostgres, type TestPostgres } from './postgres.js';

// The harness every PostgreSQL test stands on (issue 14): a real server from the distribution's package.
describe('test PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts a real server on a free port, and gives each caller a database of its own', async () => {
    const [a, b] = [await server.database('first'), await server.database('first')];
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string; db: string }>(
        'select current_setting($1) as v, current_database() as db',
        ['server_version_num'],
      );
      expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
      expect(a.endsWith(`/${rows[0]?.db}`)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
