/**
 * The audit chain's SHA-256 hashes are stored as their 32 bytes, half the 64 hex characters (issue 11,
 * storage: ~0.8 KB per instance at city scale); code always sees hex, and what is hashed is unchanged.
 * Rows written before this hold hex text and are read as they are until an archive removes them, so
 * both encodings decode — no UPDATE of the append-only table was needed.
 */
const HEX64 = /^[0-9a-f]{64}$/;

export const hashToStored = (hex: string): Buffer | string => (HEX64.test(hex) ? Buffer.from(hex, 'hex') : hex);

export const hashFromStored = (value: Uint8Array | string): string =>
  typeof value === 'string' ? value : Buffer.from(value).toString('hex');
