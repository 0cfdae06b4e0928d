/**
 * An audit event's id (a random UUID) stored as its 16 bytes instead of 36 characters (issue 11, storage).
 * Code sees the same lowercase text, which is what the chain hashes. Only the canonical lowercase form is
 * packed, so every value reads back exactly as written; rows written before stay text. Nothing looks an
 * event up by id (there is no index on it), so the two encodings never need to compare equal in SQL.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const uuidToStored = (id: string): Buffer | string =>
  UUID.test(id) ? Buffer.from(id.replaceAll('-', ''), 'hex') : id;

export function uuidFromStored(value: Uint8Array | string): string {
  if (typeof value === 'string') return value;
  const hex = Buffer.from(value).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
