import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** Vite names every file under /assets by its content hash: a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes, so the browser asks again each time (a 1 KB answer). */
export const REVALIDATE = 'no-cache';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
/** Files the build keeps beside the console for itself (its stamp) are not the console's. */
const isHidden = (path: string) => path.split('/').some((segment) => segment.startsWith('.'));

/**
 * The built console (admin/dist): files with their precompressed .br / .gz twin when the browser
 * accepts it (the build writes them), hashed assets cached for a year, index.html revalidated, and
 * index.html for every other page the console routes client-side. A missing /assets file is a 404,
 * never the index under a year-long cache; so is a dotfile (the build's stamp).
 */
export function consoleFiles(root: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true });
  const index = serveStatic({ root, path: 'index.html', precompressed: true });
  return async (c, next) => {
    const path = c.req.path;
    if (isApi(path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    if (isHidden(path)) return next();
    let missing = false;
    const found = await files(c, async () => {
      missing = true;
    });
    if (!missing && found) {
      found.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
      return found;
    }
    if (path.startsWith('/assets/')) return next();
    missing = false;
    const page = await index(c, async () => {
      missing = true;
    });
    if (missing || !page) return next();
    page.headers.set('Cache-Control', REVALIDATE);
    return page;
  };
}
