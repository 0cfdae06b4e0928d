import { z } from 'zod';

// In the browser the console's Content-Security-Policy forbids eval, which zod 4 probes (`new Function`)
// when a schema is defined, to compile faster parsers. There it parses without compiling, so the probe
// never runs; this module is imported before any schema (index.ts). The API keeps the compiled parsers.
if ('document' in globalThis) z.config({ jitless: true });
