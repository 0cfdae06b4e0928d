/** The smallest valid PNG (1×1): what a tablet's or phone's camera hands back, and the API's magic-byte check accepts. */
export const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** PHOTO as a file chosen in an upload field. */
export const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: PHOTO });
