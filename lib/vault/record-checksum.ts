import { VaultError } from './errors';
import { utf8Encode } from './utf8';

/** The member that carries the checksum; always the last member of the record. */
export const CHECKSUM_MEMBER = 'checksum';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', utf8Encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Serialises `body` as one compact JSON text with a SHA-256 checksum appended as the last member:
 * `checksum = hex(SHA-256(UTF-8(JSON.stringify(body))))`. Member order is the insertion order of `body`.
 */
export async function writeChecksummedText(body: Readonly<Record<string, unknown>>): Promise<string> {
  if (CHECKSUM_MEMBER in body) throw new VaultError('invalid-argument', 'body already has a checksum');
  const checksum = await sha256Hex(JSON.stringify(body));
  return JSON.stringify({ ...body, [CHECKSUM_MEMBER]: checksum });
}

function parseCanonicalObject(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') throw new VaultError('corrupt', 'not a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new VaultError('corrupt', 'not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new VaultError('corrupt', 'not a JSON object');
  }
  // Only the exact compact serialisation is accepted: every byte of the text is then covered.
  if (JSON.stringify(parsed) !== text) throw new VaultError('corrupt', 'not in canonical form');
  return parsed as Record<string, unknown>;
}

/**
 * Parses a record text and verifies its checksum. Cheap (one SHA-256); run before anything costly.
 * Returns the members other than the checksum, in stored order. Throws VaultError('corrupt').
 */
export async function readChecksummedText(text: unknown): Promise<Record<string, unknown>> {
  const parsed = parseCanonicalObject(text);
  const names = Object.keys(parsed);
  const { [CHECKSUM_MEMBER]: checksum, ...body } = parsed;
  if (
    names[names.length - 1] !== CHECKSUM_MEMBER ||
    typeof checksum !== 'string' ||
    !HEX_SHA256.test(checksum)
  ) {
    throw new VaultError('corrupt', 'missing checksum');
  }
  if ((await sha256Hex(JSON.stringify(body))) !== checksum)
    throw new VaultError('corrupt', 'checksum mismatch');
  return body;
}

/** True when `text` is a string carrying a valid checksum (says nothing about version or keys). */
export async function hasValidChecksum(text: unknown): Promise<boolean> {
  try {
    await readChecksummedText(text);
    return true;
  } catch {
    return false;
  }
}
