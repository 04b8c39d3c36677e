/**
 * Opens andOTP encrypted backups. Current layout: `[iterations: uint32 big-endian][salt 12][iv 12][ciphertext ||
 * tag]`, key = PBKDF2-HMAC-SHA1(UTF-8 password, salt, iterations, 256 bit). Old layout: `[iv 12][ciphertext || tag]`,
 * key = SHA-256(UTF-8 password). Both AES-256-GCM. The old layout has no header at all, so a file whose first four
 * bytes are not a plausible iteration count (1 to 10 000 000) is read as old, and a current-looking file that does
 * not open is also tried as old (its IV may start with small bytes). Absurd counts are never run.
 */
import { withinKdfBudget } from '../../kdf-budget';
import { FormatError } from '../format-error';
import { ANDOTP_MAX_ITERATIONS, ANDOTP_MIN_ITERATIONS } from './import-limits';
import { openAesGcm, pbkdf2, sha256 } from './web-crypto';

const HEADER_BYTES = 4;
const SALT_BYTES = 12;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The smallest plaintext is `[]`. */
const MIN_OLD_LENGTH = IV_BYTES + TAG_BYTES + 2;
const MIN_NEW_LENGTH = HEADER_BYTES + SALT_BYTES + MIN_OLD_LENGTH;

/** Which layout binary bytes would be read as, or undefined when too short for either. */
export function andOtpLayout(bytes: Uint8Array): 'andotp-encrypted' | 'andotp-encrypted-old' | undefined {
  if (bytes.length >= MIN_NEW_LENGTH && isPlausibleIterations(readIterations(bytes)))
    return 'andotp-encrypted';
  return bytes.length >= MIN_OLD_LENGTH ? 'andotp-encrypted-old' : undefined;
}

/** The decrypted JSON bytes, or FormatError ('wrong-password' when no layout opens). */
export async function unlockAndOtp(
  bytes: Uint8Array,
  password: string,
  layout: 'andotp-encrypted' | 'andotp-encrypted-old',
): Promise<Uint8Array> {
  const secret = new TextEncoder().encode(password);
  if (layout === 'andotp-encrypted') {
    if (bytes.length < MIN_NEW_LENGTH) throw new FormatError('corrupt-backup');
    const iterations = readIterations(bytes);
    if (!isPlausibleIterations(iterations)) throw new FormatError('corrupt-backup');
    const salt = bytes.subarray(HEADER_BYTES, HEADER_BYTES + SALT_BYTES);
    const iv = bytes.subarray(HEADER_BYTES + SALT_BYTES, HEADER_BYTES + SALT_BYTES + IV_BYTES);
    // Never true while ANDOTP_MAX_ITERATIONS (20 M units) fits the budget; there in case the ceiling is raised.
    if (!withinKdfBudget([{ kind: 'pbkdf2', hash: 'SHA-1', iterations }]))
      throw new FormatError('kdf-too-costly');
    const key = await pbkdf2(secret, salt, iterations, 'SHA-1');
    const plain = await openAesGcm(key, iv, bytes.subarray(HEADER_BYTES + SALT_BYTES + IV_BYTES));
    if (plain !== null) return plain;
  }
  if (bytes.length < MIN_OLD_LENGTH) throw new FormatError('corrupt-backup');
  const plain = await openAesGcm(await sha256(secret), bytes.subarray(0, IV_BYTES), bytes.subarray(IV_BYTES));
  if (plain === null) throw new FormatError('wrong-password');
  return plain;
}

function readIterations(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
}

function isPlausibleIterations(iterations: number): boolean {
  return iterations >= ANDOTP_MIN_ITERATIONS && iterations <= ANDOTP_MAX_ITERATIONS;
}
