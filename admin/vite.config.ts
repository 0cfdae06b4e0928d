import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { precompress } from './vite-precompress.ts';

/**
 * Packages imported at the top of a library file for a feature the console never uses, and which declare no
 * `sideEffects`, so the bundler kept them on every page: @refinedev/antd's MarkdownField (react-markdown,
 * remark-gfm), @refinedev/core's CSV import/export (papaparse) and its devtools' stack traces, which run in
 * development only (error-stack-parser, stackframe). They have none: let the unused imports go.
 */
const SIDE_EFFECT_FREE =
  /[\\/]node_modules[\\/](?:react-markdown|remark-gfm|papaparse|error-stack-parser|stackframe)[\\/]/;

/**
 * react-router's package exports name only its development build (its own Vite plugin swaps in the
 * production one; a plain Vite app has to ask). The two differ in one flag, ENABLE_DEV_WARNINGS: the
 * development build checks the route tree and warns as it renders, work no user of the built console needs.
 * The dev server keeps it, warnings and all.
 */
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

export default defineConfig(({ command }) => ({
  base: '/',
  resolve: {
    alias: [
      // antd's resize observer ships a polyfill for browsers without ResizeObserver; every browser the console
      // supports has it (ES2022 build), so the polyfill's 2–3 KB are the browser's own class.
      {
        find: 'resize-observer-polyfill',
        replacement: fileURLToPath(new URL('./src/shims/resize-observer.ts', import.meta.url)),
      },
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : []),
    ],
  },
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => (SIDE_EFFECT_FREE.test(id) ? false : undefined) },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
}));
