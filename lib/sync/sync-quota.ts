/**
 * The limits of `storage.sync` (Chrome, Edge and Firefox publish the same numbers) and the way Chrome measures
 * an item: the key's length plus the length of the value's JSON text. Everything here is counted in UTF-8 bytes,
 * which equals the character count for the ASCII that the sync records use, and over-counts anything else.
 */

/** `storage.sync.QUOTA_BYTES`: all items together. */
export const QUOTA_BYTES = 102_400;

/** `storage.sync.QUOTA_BYTES_PER_ITEM`: one item, key included. */
export const QUOTA_BYTES_PER_ITEM = 8_192;

/** `storage.sync.MAX_ITEMS`. */
export const MAX_ITEMS = 512;

/** `storage.sync.MAX_WRITE_OPERATIONS_PER_MINUTE`: each `set`, `remove` or `clear` call is one operation. */
export const MAX_WRITE_OPERATIONS_PER_MINUTE = 120;

/** `storage.sync.MAX_WRITE_OPERATIONS_PER_HOUR`. */
export const MAX_WRITE_OPERATIONS_PER_HOUR = 1_800;

const encoder = new TextEncoder();

/** The bytes an item costs against the quotas: key + JSON text of the value (as Chrome measures it). */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
}

/** The bytes a set of items costs against `QUOTA_BYTES`. */
export function totalBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}
