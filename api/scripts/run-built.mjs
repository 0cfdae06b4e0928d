// @ts-check
/**
 * `npm run backup|restore|audit:verify-archive|db:migrate|db:storage`: the operator's commands, built with the server
 * (api/dist/<name>.js) and run with plain node — like `npm start`, nothing from devDependencies at run time.
 *   node api/scripts/run-built.mjs <name> [args…]
 */
import { ensureBuilt } from './build.mjs';

const [name, ...args] = process.argv.slice(2);
const COMMANDS = ['backup', 'restore', 'verify-archive', 'migrate', 'storage'];
if (!name || !COMMANDS.includes(name)) {
  console.error(`usage: node api/scripts/run-built.mjs <${COMMANDS.join('|')}> [args…]`);
  process.exit(2);
}
await ensureBuilt({ parts: ['server'] });
process.argv = [process.argv[0] ?? 'node', new URL(`../dist/${name}.js`, import.meta.url).pathname, ...args];
await import(`../dist/${name}.js`);
