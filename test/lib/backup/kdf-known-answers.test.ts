import { createCipheriv } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { deriveBackupKey } from '../../../lib/backup/backup-key';
import { BACKUP_MIN_ITERATIONS } from '../../../lib/backup';
import { rejectionCode } from './backup-test-helpers';

const hex = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(new Uint8Array(bytes)).toString('hex');
const SALT = Uint8Array.from({ length: 16 }, (_, index) => index);
const NONCE = new Uint8Array(12);
const PROBE = new Uint8Array(32);

/** AES-256-GCM of a fixed probe under `key`: equal outputs prove equal key bytes without extracting the key. */
async function probe(key: CryptoKey): Promise<string> {
  return hex(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: NONCE }, key, PROBE));
}

function probeWithRawKey(keyHex: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), NONCE);
  return hex(Buffer.concat([cipher.update(PROBE), cipher.final(), cipher.getAuthTag()]));
}

describe('PBKDF2-HMAC-SHA256 (RFC 7914 §11 vectors, through the same WebCrypto call the backup uses)', () => {
  it.each([
    [
      'passwd',
      'salt',
      1,
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    ],
    [
      'Password',
      'NaCl',
      80_000,
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    ],
  ])('P=%s S=%s c=%d', async (password, salt, iterations, expected) => {
    const subtle = globalThis.crypto.subtle;
    const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations },
      base,
      512,
    );
    expect(hex(bits)).toBe(expected);
  });
});

describe('deriveBackupKey (known answers computed independently with Python hashlib.pbkdf2_hmac)', () => {
  it('ASCII password, salt 00..0f, 600 000 iterations', async () => {
    const key = await deriveBackupKey('correct horse battery staple', SALT, 600_000);
    expect(await probe(key)).toBe(
      probeWithRawKey('ef177144eec9420cbc1093d2a8b344a92bc506d0d4ec9c028dd19f8324d8c1e6'),
    );
  });

  it('Japanese password: NFC then UTF-8, so composed and decomposed input derive the same key', async () => {
    const expected = probeWithRawKey('3240ad517885f308b9423528614b315ba1e09d19ae6ef37bd89f947b38c6a5e7');
    const composed = 'セキモリのバックアップ'.normalize('NFC');
    expect(composed.normalize('NFD')).not.toBe(composed);
    expect(await probe(await deriveBackupKey(composed, SALT, 600_000))).toBe(expected);
    expect(await probe(await deriveBackupKey(composed.normalize('NFD'), SALT, 600_000))).toBe(expected);
  });

  it('refuses parameters below the floor or above the ceiling before deriving anything', async () => {
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    expect(await rejectionCode(deriveBackupKey('password', SALT, BACKUP_MIN_ITERATIONS - 1))).toBe(
      'weak-backup-parameters',
    );
    expect(await rejectionCode(deriveBackupKey('password', SALT.subarray(0, 15), 600_000))).toBe(
      'weak-backup-parameters',
    );
    expect(await rejectionCode(deriveBackupKey('password', SALT, 10_000_001))).toBe('unsupported-version');
    expect(deriveKey).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
