import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVault, openVault, unlockVault } from '../../../lib/vault';
import { deriveKeyEncryptionKey } from '../../../lib/vault/derive-key';
import { parseVaultRecord, type ParsedVaultRecord } from '../../../lib/vault/parse-vault-record';
import { KDF_MAX_ITERATIONS } from '../../../lib/vault/vault-constants';
import { openBytes } from '../../../lib/vault/seal';
import { importVaultKey, unwrapVaultKey } from '../../../lib/vault/vault-key';
import {
  base64Bits,
  everyBitFlip,
  flipBase64Bit,
  flipBit,
  member,
  rejectionCode,
  SAMPLE_PAYLOAD,
  tamper,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

let record: string;
let vaultKey: Uint8Array;
let parsed: ParsedVaultRecord;

beforeAll(async () => {
  ({ record, vaultKey } = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS }));
  parsed = await parseVaultRecord(record);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every bit position of a base64 member, tampered with the checksum recomputed. */
async function* everyTamperedBit(path: string[], name: string): AsyncGenerator<string> {
  const bits = base64Bits(member(JSON.parse(record) as Record<string, unknown>, ...path)[name] as string);
  for (let bit = 0; bit < bits; bit++) {
    yield tamper(record, (body) => {
      const box = member(body, ...path);
      box[name] = flipBase64Bit(box[name] as string, bit);
    });
  }
}

describe('accidental corruption: every single-bit flip of the stored text', () => {
  it("is reported as 'corrupt' by the checksum, before any KDF runs", async () => {
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    let count = 0;
    for (const { flipped } of everyBitFlip(record)) {
      expect(await rejectionCode(unlockVault(flipped, TEST_PASSWORD))).toBe('corrupt');
      count++;
    }
    expect(count).toBe(record.length * 8);
    expect(deriveKey).not.toHaveBeenCalled();
  });

  it("is reported as 'corrupt' when opening with the vault key too", async () => {
    for (const { flipped } of everyBitFlip(record)) {
      expect(await rejectionCode(openVault(flipped, vaultKey))).toBe('corrupt');
    }
  });
});

describe('deliberate tampering (checksum recomputed): AES-GCM rejects it', () => {
  it.each([
    [['payload'], 'nonce'],
    [['payload'], 'ciphertext'],
    [['wrappedKey'], 'nonce'],
    [['wrappedKey'], 'ciphertext'],
    [['header', 'kdf'], 'salt'],
  ])("every bit of %s.%s → 'wrong-key' with the vault key", async (path, name) => {
    let count = 0;
    for await (const tampered of everyTamperedBit(path, name)) {
      expect(await rejectionCode(openVault(tampered, vaultKey))).toBe('wrong-key');
      count++;
    }
    expect(count).toBeGreaterThanOrEqual(96);
  });

  it('every bit of the iteration count: below the floor → kdf-too-weak, otherwise rejected by GCM', async () => {
    for (let bit = 0; bit < 32; bit++) {
      const iterations = (TEST_ITERATIONS ^ (1 << bit)) >>> 0;
      const tampered = await tamper(record, (body) => {
        member(body, 'header', 'kdf').iterations = iterations;
      });
      // Above the ceiling a record is refused before any derivation (a tampered cost must not run for hours).
      const expected =
        iterations < TEST_ITERATIONS
          ? 'kdf-too-weak'
          : iterations > KDF_MAX_ITERATIONS
            ? 'corrupt'
            : 'wrong-key';
      expect(await rejectionCode(openVault(tampered, vaultKey))).toBe(expected);
    }
  });

  it('every bit of the revision and version is rejected', async () => {
    for (const field of ['revision', 'version']) {
      for (let bit = 0; bit < 53; bit++) {
        const value = 1 + 2 ** bit;
        const tampered = await tamper(record, (body) => {
          member(body, 'header')[field] = bit === 0 ? 0 : value;
        });
        expect(await rejectionCode(openVault(tampered, vaultKey))).toBe(bit === 0 ? 'corrupt' : 'wrong-key');
      }
    }
  });

  it.each([
    ['format', ['header'], 'format'],
    ['cipher', ['header'], 'cipher'],
    ['KDF id', ['header', 'kdf'], 'id'],
  ])('every bit of the %s string is rejected', async (_what, path, name) => {
    const original = member(JSON.parse(record) as Record<string, unknown>, ...path)[name] as string;
    for (let bit = 0; bit < original.length * 8; bit++) {
      const bytes = flipBit(new TextEncoder().encode(original), bit);
      const tampered = await tamper(record, (body) => {
        member(body, ...path)[name] = new TextDecoder().decode(bytes);
      });
      expect(['corrupt', 'unsupported-version']).toContain(
        await rejectionCode(openVault(tampered, vaultKey)),
      );
    }
  });

  it('every bit of the payload AAD (the header and wrapped key as serialised) is authenticated', async () => {
    const key = await importVaultKey(vaultKey);
    expect(await openBytes(key, parsed.payload, parsed.payloadAad)).not.toBeNull();
    for (let bit = 0; bit < parsed.payloadAad.length * 8; bit++) {
      expect(await openBytes(key, parsed.payload, flipBit(parsed.payloadAad, bit))).toBeNull();
    }
  });

  it('every bit of the wrapped key, its nonce and its AAD is authenticated under the password key', async () => {
    const kek = await deriveKeyEncryptionKey(TEST_PASSWORD, {
      iterations: TEST_ITERATIONS,
      salt: parsed.salt,
    });
    const { nonce, ciphertext } = parsed.wrappedKey;
    const aad = parsed.wrappedKeyAad;
    expect(await unwrapVaultKey(kek, parsed.wrappedKey, aad)).toEqual(vaultKey);
    for (let bit = 0; bit < nonce.length * 8; bit++) {
      expect(await unwrapVaultKey(kek, { nonce: flipBit(nonce, bit), ciphertext }, aad)).toBeNull();
    }
    for (let bit = 0; bit < ciphertext.length * 8; bit++) {
      expect(await unwrapVaultKey(kek, { nonce, ciphertext: flipBit(ciphertext, bit) }, aad)).toBeNull();
    }
    for (let bit = 0; bit < aad.length * 8; bit++) {
      expect(await unwrapVaultKey(kek, parsed.wrappedKey, flipBit(aad, bit))).toBeNull();
    }
  });

  it('the wrapped-key AAD is the KDF part of the header', () => {
    const header = JSON.parse(record).header as Record<string, unknown>;
    expect(new TextDecoder().decode(parsed.wrappedKeyAad)).toBe(
      JSON.stringify({ format: header.format, cipher: header.cipher, kdf: header.kdf }),
    );
  });
});

describe('deliberate tampering, full unlock with the password (a handful of KDF runs)', () => {
  it.each([
    ['a wrapped-key ciphertext bit', ['wrappedKey'], 'ciphertext', 200],
    ['a wrapped-key tag bit', ['wrappedKey'], 'ciphertext', 47 * 8],
    ['a wrapped-key nonce bit', ['wrappedKey'], 'nonce', 5],
    ['a salt bit', ['header', 'kdf'], 'salt', 77],
  ])("%s → 'wrong-password'", async (_what, path, name, bit) => {
    const tampered = await tamper(record, (body) => {
      const box = member(body, ...path);
      box[name] = flipBase64Bit(box[name] as string, bit);
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('wrong-password');
  });

  it("a payload bit → 'corrupt' (the password is right, the data is not)", async () => {
    const tampered = await tamper(record, (body) => {
      const box = member(body, 'payload');
      box.ciphertext = flipBase64Bit(box.ciphertext as string, 3);
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('corrupt');
  });
});
