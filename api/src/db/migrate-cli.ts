import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from './client.js';
import { migrate } from './migrate.js';

const dir = process.env.EDUFLOW_DATA_DIR ?? './data';
mkdirSync(dir, { recursive: true });
const file = join(dir, 'eduflow.db');
migrate(openDb(file));
console.log(`migrated ${file}`);
