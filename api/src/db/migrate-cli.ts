import { mkdirSync } from 'node:fs';

import { dataDirFromEnv, dbFileIn } from '../data-dir.js';
import { openDb } from './client.js';
import { migrate } from './migrate.js';

const dir = dataDirFromEnv();
mkdirSync(dir, { recursive: true });
const file = dbFileIn(dir);
migrate(openDb(file));
console.log(`migrated ${file}`);
