import { mkdirSync } from 'node:fs';

import { dataDirFromEnv } from '../data-dir.js';
import { openDatabase } from './open-database.js';

// The server's own rule (open-database.ts): EDUFLOW_DATABASE_URL's PostgreSQL, else the data folder's SQLite file.
const dir = dataDirFromEnv();
mkdirSync(dir, { recursive: true });
const database = await openDatabase(dir);
await database.close();
console.log(`migrated ${database.where}`);
