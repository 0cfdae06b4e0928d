import { buildCityDb } from './city-db.js';
const [file, scale] = [process.argv[2], Number(process.argv[3])];
const t0 = performance.now();
await buildCityDb(file, { instances: Math.round(1_000_000 * scale), auditEvents: Math.round(10_000_000 * scale), schools: 2000 }, console.log);
console.log('built', ((performance.now() - t0) / 1000).toFixed(1), 's');
