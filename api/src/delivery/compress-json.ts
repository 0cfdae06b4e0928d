import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this a response gains less than its headers cost (and a sign-in or a 204 stays as it was). */
export const COMPRESS_THRESHOLD = 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

type Encoding = 'br' | 'gzip';

/** The encoding the client weighs highest of those we make (br before gzip on a tie); none when both are refused. */
export function pickEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (e: Encoding) => weights.get(e) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a))[0];
  return best ?? null;
}

/**
 * Compresses an API response when it is JSON of at least COMPRESS_THRESHOLD bytes: brotli at a quality
 * fit for per-request work (5), else gzip. Everything else passes untouched — files and downloads
 * (Content-Disposition, with their own length and checksum headers), anything already encoded, HEAD,
 * bodiless statuses and partial content — so a stream is never buffered here.
 */
export async function compressJson(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get('Content-Type') ?? '';
  if (
    !JSON_TYPE.test(type) ||
    !response.body ||
    request.method === 'HEAD' ||
    response.status === 204 ||
    response.status === 206 ||
    response.status === 304 ||
    response.headers.has('Content-Encoding') ||
    response.headers.has('Content-Disposition') ||
    /\bno-transform\b/i.test(response.headers.get('Cache-Control') ?? '')
  ) {
    return response;
  }
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared < COMPRESS_THRESHOLD) return response;
  const body = Buffer.from(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (body.length < COMPRESS_THRESHOLD) return new Response(body, init);
  headers.append('Vary', 'Accept-Encoding');
  const encoding = pickEncoding(request.headers.get('Accept-Encoding'));
  if (!encoding) return new Response(body, init);
  const packed =
    encoding === 'br'
      ? await brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : await gz(body, { level: 6 });
  headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(packed.length));
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  return new Response(packed, init);
}

type Fetch<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

/** `app.fetch` with large JSON answers compressed; the app (and its tests through app.request) stays as it is. */
export function withJsonCompression<A extends unknown[]>(
  fetch: Fetch<A>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => compressJson(request, await fetch(request, ...rest));
}
