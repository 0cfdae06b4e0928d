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

export default defineConfig({
  base: '/',
  resolve: {
    // antd's resize observer ships a polyfill for browsers without ResizeObserver; every browser the console
    // supports has it (ES2022 build), so the polyfill's 2–3 KB are the browser's own class.
    alias: { 'resize-observer-polyfill': fileURLToPath(new URL('./src/shims/resize-observer.ts', import.meta.url)) },
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
});
