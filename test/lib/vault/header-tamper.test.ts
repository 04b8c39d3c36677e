import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createVault,
  openVault,
  rewrapVault,
  sealVault,
  unlockVault,
  VAULT_VERSION,
} from '../../../lib/vault';
import { encodeBase64 } from '../../../lib/encoding/base64';
import { secureRandomBytes } from '../../../lib/vault/random-bytes';
import { writeChecksummedText } from '../../../lib/vault/record-checksum';
import { sealBytes } from '../../../lib/vault/seal';
import { utf8Encode } from '../../../lib/vault/utf8';
import { payloadAad } from '../../../lib/vault/vault-aad';
import { importVaultKey } from '../../../lib/vault/vault-key';
import {
  member,
  rejectionCode,
  SAMPLE_PAYLOAD,
  tamper,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

type JsonObject = Record<string, unknown>;

let record: string;
let vaultKey: Uint8Array;
let other: { record: string; vaultKey: Uint8Array };

beforeAll(async () => {
  ({ record, vaultKey } = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: 700_000 }));
  other = await createVault(TEST_PASSWORD, { other: true }, { iterations: 700_000 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** What a future Sekimori might write: a newer version with extra members, sealed properly with the vault key. */
async function newerVersionRecord(edit: (body: JsonObject) => void = () => {}): Promise<string> {
  const { checksum: _checksum, ...body } = JSON.parse(record) as JsonObject;
  body.header = { ...member(body, 'header'), version: VAULT_VERSION + 1, compression: 'none' };
  edit(body);
  const aad = payloadAad(member(body, 'header'), member(body, 'wrappedKey'));
  const key = await importVaultKey(vaultKey);
  const sealed = await sealBytes(key, utf8Encode(JSON.stringify(SAMPLE_PAYLOAD)), aad, secureRandomBytes);
  body.payload = { nonce: encodeBase64(sealed.nonce), ciphertext: encodeBase64(sealed.ciphertext) };
  body.futureMember = { note: 'ignored by older readers' };
  return writeChecksummedText(body);
}

describe('KDF downgrade', () => {
  it.each([599_999, 100_000, 1])(
    "refuses %d iterations with 'kdf-too-weak' before deriving anything",
    async (n) => {
      const tampered = await tamper(record, (body) => {
        member(body, 'header', 'kdf').iterations = n;
      });
      const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
      const deriveBits = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
      expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('kdf-too-weak');
      expect(await rejectionCode(openVault(tampered, vaultKey))).toBe('kdf-too-weak');
      expect(deriveKey).not.toHaveBeenCalled();
      expect(deriveBits).not.toHaveBeenCalled();
    },
  );

  it("refuses a salt shorter than 16 bytes with 'kdf-too-weak'", async () => {
    const tampered = await tamper(record, (body) => {
      member(body, 'header', 'kdf').salt = encodeBase64(new Uint8Array(8));
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('kdf-too-weak');
  });

  it("a lower count that is still above the floor does not unwrap the key ('wrong-password')", async () => {
    const tampered = await tamper(record, (body) => {
      member(body, 'header', 'kdf').iterations = TEST_ITERATIONS;
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('wrong-password');
  });

  it("another vault's salt (same password) does not unwrap the key ('wrong-password')", async () => {
    const tampered = await tamper(record, (body) => {
      member(body, 'header', 'kdf').salt = member(
        JSON.parse(other.record) as JsonObject,
        'header',
        'kdf',
      ).salt;
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('wrong-password');
    expect(await rejectionCode(openVault(tampered, vaultKey))).toBe('wrong-key');
  });

  it("another vault's whole key slot (salt and wrapped key) does not open this payload ('corrupt')", async () => {
    const donor = JSON.parse(other.record) as JsonObject;
    const tampered = await tamper(record, (body) => {
      body.header = donor.header;
      body.wrappedKey = donor.wrappedKey;
    });
    expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD))).toBe('corrupt');
  });
});

describe('versions', () => {
  it('opens a newer version with a known envelope read-only, by key and by password', async () => {
    const newer = await newerVersionRecord();
    const opened = await openVault(newer, vaultKey);
    expect(opened.readOnly).toBe(true);
    expect(opened.payload).toEqual(SAMPLE_PAYLOAD);
    expect(opened.header.version).toBe(VAULT_VERSION + 1);
    const unlocked = await unlockVault(newer, TEST_PASSWORD);
    expect(unlocked.readOnly).toBe(true);
    expect(unlocked.vaultKey).toEqual(vaultKey);
  });

  it("refuses to seal or rewrap a newer version ('read-only')", async () => {
    const newer = await newerVersionRecord();
    expect(await rejectionCode(sealVault(newer, vaultKey, SAMPLE_PAYLOAD))).toBe('read-only');
    expect(await rejectionCode(rewrapVault(newer, { vaultKey }, 'new password'))).toBe('read-only');
  });

  it('authenticates the unknown header members of a newer version too', async () => {
    const newer = await newerVersionRecord();
    const tampered = await tamper(newer, (body) => {
      member(body, 'header').compression = 'zstd';
    });
    expect(await rejectionCode(openVault(tampered, vaultKey))).toBe('wrong-key');
  });

  it.each([
    [
      'an unknown KDF',
      (b: JsonObject) => void (member(b, 'header').kdf = { id: 'argon2id', m: 65536, t: 3, p: 4 }),
    ],
    ['an unknown cipher', (b: JsonObject) => void (member(b, 'header').cipher = 'xchacha20-poly1305')],
  ])("refuses %s with 'unsupported-version', in any version, before deriving", async (_what, edit) => {
    const deriveKey = vi.spyOn(globalThis.crypto.subtle, 'deriveKey');
    for (const text of [await tamper(record, edit), await newerVersionRecord(edit)]) {
      expect(await rejectionCode(unlockVault(text, TEST_PASSWORD))).toBe('unsupported-version');
      expect(await rejectionCode(openVault(text, vaultKey))).toBe('unsupported-version');
    }
    expect(deriveKey).not.toHaveBeenCalled();
  });

  it.each([
    ['version 0', (b: JsonObject) => void (member(b, 'header').version = 0)],
    ['a string version', (b: JsonObject) => void (member(b, 'header').version = '1')],
    ['another format name', (b: JsonObject) => void (member(b, 'header').format = 'other-vault')],
    ['an extra member in a version 1 record', (b: JsonObject) => void (b.extra = 1)],
    ['an extra header member in version 1', (b: JsonObject) => void (member(b, 'header').extra = 1)],
    ['a missing payload', (b: JsonObject) => void delete b.payload],
    ['revision 0', (b: JsonObject) => void (member(b, 'header').revision = 0)],
    ['a fractional revision', (b: JsonObject) => void (member(b, 'header').revision = 1.5)],
    ['iterations above 2^32 - 1', (b: JsonObject) => void (member(b, 'header', 'kdf').iterations = 2 ** 32)],
    ['a short nonce', (b: JsonObject) => void (member(b, 'payload').nonce = encodeBase64(new Uint8Array(8)))],
    ['non-canonical base64', (b: JsonObject) => void (member(b, 'payload').nonce += '\n')],
    ['a truncated wrapped key', (b: JsonObject) => void (member(b, 'wrappedKey').ciphertext = 'AAAA')],
  ])("refuses %s with 'corrupt' (checksum recomputed)", async (_what, edit) => {
    expect(await rejectionCode(openVault(await tamper(record, edit), vaultKey))).toBe('corrupt');
  });
});

describe('record text', () => {
  it.each([
    ['pretty-printed JSON', () => JSON.stringify(JSON.parse(record), null, 2)],
    ['a duplicated member', () => record.replace('{"header":', '{"header":{},"header":')],
    ['a truncated record', () => record.slice(0, -10)],
    ['the empty string', () => ''],
    ['a JSON array', () => '[]'],
    ['JSON null', () => 'null'],
    ['a record without checksum', () => record.replace(/,"checksum":"[0-9a-f]+"/, '')],
  ])("refuses %s with 'corrupt'", async (_what, make) => {
    expect(await rejectionCode(openVault(make(), vaultKey))).toBe('corrupt');
  });

  it("refuses a value that is not a string with 'corrupt'", async () => {
    expect(await rejectionCode(openVault(42 as unknown as string, vaultKey))).toBe('corrupt');
  });
});
