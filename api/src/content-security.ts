/**
 * Content-Security-Policy (issue 10.7). The console is built by Vite with no inline script, so scripts
 * come from this origin only; antd's CSS-in-JS writes <style> elements at run time, hence inline styles.
 * Nothing may frame the console, post forms elsewhere or load objects.
 */
export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * /api/docs: the Swagger UI page of @hono/swagger-ui loads its bundle from the jsDelivr CDN and starts it
 * with an inline script, so this one page allows both; everything else keeps CONSOLE_CSP.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://cdn.jsdelivr.net; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
