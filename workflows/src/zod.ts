import { z } from 'zod';

// In the browser the console's Content-Security-Policy forbids eval, which zod 4 probes (`new Function`)
// when an object schema is defined, to compile faster parsers. There it parses without compiling, so the
// probe never runs. Every schema in this package takes `z` from here rather than from 'zod': a bare
// side-effect import (`import './zod-config.js'`) in the index is dropped by the console's bundler, since
// the package declares itself side-effect free, and the probe then ran (a CSP violation on every page).
// The API keeps the compiled parsers.
if ('document' in globalThis) z.config({ jitless: true });

export { z };
