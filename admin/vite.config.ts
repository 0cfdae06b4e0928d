import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { precompress } from './vite-precompress.ts';

/**
 * @refinedev/antd ships as one file that imports react-markdown and remark-gfm at its top for a
 * MarkdownField the console never renders; those two packages declare no `sideEffects`, so the bundler
 * kept them — a markdown parser on every page. They have none: let the unused imports go.
 */
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/](?:react-markdown|remark-gfm)[\\/]/;

export default defineConfig({
  base: '/',
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
