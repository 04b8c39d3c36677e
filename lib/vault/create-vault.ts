import { encodePayload } from './payload-codec';
import { secureRandomBytes, type RandomBytes } from './random-bytes';
import { KDF_DEFAULT_ITERATIONS } from './vault-constants';
import { writeRecordWithNewKey, type WrittenVault } from './write-record-with-new-key';

export interface CreateVaultOptions {
  /** PBKDF2 iterations; default KDF_DEFAULT_ITERATIONS, below KDF_MIN_ITERATIONS → 'kdf-too-weak'. */
  iterations?: number;
  random?: RandomBytes;
}

/**
 * Creates revision 1 of a new vault holding `payload` (any JSON-serialisable value).
 * Runs the KDF once. Throws 'invalid-argument' (empty password, unserialisable payload) or 'kdf-too-weak'.
 */
export async function createVault<T>(
  password: string,
  payload: T,
  options: CreateVaultOptions = {},
): Promise<WrittenVault> {
  return writeRecordWithNewKey({
    password,
    plaintext: encodePayload(payload),
    iterations: options.iterations ?? KDF_DEFAULT_ITERATIONS,
    revision: 1,
    random: options.random ?? secureRandomBytes,
  });
}
