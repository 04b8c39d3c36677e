/**
 * Passkey slots (docs/vault-format.md, "Passkey slots"): the vault key wrapped under HKDF(PRF output), one slot
 * per passkey in an authenticated header. A slot opens only with its own PRF output; every other change to it is
 * caught; password changes cannot keep them, a KDF upgrade and every sealed write do.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/encoding/base64';
import {
  createVault,
  makePasskeySlot,
  openVault,
  rewrapVault,
  sealVault,
  unlockVault,
  unlockVaultWithPasskey,
  upgradeVaultKdf,
  type PasskeySlot,
} from '../../../lib/vault';
import { parseVaultRecord } from '../../../lib/vault/parse-vault-record';
import { secureRandomBytes } from '../../../lib/vault/random-bytes';
import {
  flipBase64Bit,
  member,
  rejectionCode,
  SAMPLE_PAYLOAD,
  tamper,
  TEST_ITERATIONS,
  TEST_PASSWORD,
} from './vault-test-helpers';

const PRF_A = new Uint8Array(32).fill(0xa1);
const PRF_B = new Uint8Array(32).fill(0xb2);
const SALT = (byte: number) => encodeBase64(new Uint8Array(32).fill(byte));
const ID_A = encodeBase64(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
const ID_B = encodeBase64(new Uint8Array(64).fill(9));

let plain: { record: string; vaultKey: Uint8Array };
let withA: string;
let withAB: string;

function slot(id: string, prfOutput: Uint8Array, name = 'Windows Hello'): Promise<PasskeySlot> {
  return makePasskeySlot({
    vaultKey: plain.vaultKey,
    id,
    name,
    prfSalt: SALT(id === ID_A ? 0x11 : 0x22),
    prfOutput,
    createdAt: 1_700_000_000_000,
    random: secureRandomBytes,
  });
}

beforeAll(async () => {
  plain = await createVault(TEST_PASSWORD, SAMPLE_PAYLOAD, { iterations: TEST_ITERATIONS });
  const a = await slot(ID_A, PRF_A);
  withA = await sealVault(plain.record, plain.vaultKey, SAMPLE_PAYLOAD, { passkeys: [a] });
  withAB = await sealVault(withA, plain.vaultKey, SAMPLE_PAYLOAD, {
    passkeys: [a, await slot(ID_B, PRF_B, 'YubiKey 5')],
  });
});

describe('passkey slots', () => {
  it('a record with slots is version 2; without, version 1 (older readers keep writing it)', async () => {
    expect((await parseVaultRecord(plain.record)).header.version).toBe(1);
    const parsed = await parseVaultRecord(withAB);
    expect(parsed.header.version).toBe(2);
    expect(parsed.header.passkeys?.map((s) => s.name)).toEqual(['Windows Hello', 'YubiKey 5']);
    const none = await sealVault(withAB, plain.vaultKey, SAMPLE_PAYLOAD, { passkeys: [] });
    expect((await parseVaultRecord(none)).header).not.toHaveProperty('passkeys');
    expect((await parseVaultRecord(none)).header.version).toBe(1);
  });

  it('each passkey opens the vault with its own PRF output, without the password, to the same key', async () => {
    for (const [id, prf] of [
      [ID_A, PRF_A],
      [ID_B, PRF_B],
    ] as const) {
      const opened = await unlockVaultWithPasskey(withAB, id, prf);
      expect(opened.payload).toEqual(SAMPLE_PAYLOAD);
      expect(opened.vaultKey).toEqual(plain.vaultKey);
    }
    // The password slot stays, as the way back.
    expect((await unlockVault(withAB, TEST_PASSWORD)).payload).toEqual(SAMPLE_PAYLOAD);
  });

  it('another PRF output (another credential, another input, no user verification) opens nothing', async () => {
    expect(await rejectionCode(unlockVaultWithPasskey(withAB, ID_A, PRF_B))).toBe('wrong-passkey');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (prf) => {
        fc.pre(prf.some((b, i) => b !== PRF_A[i]));
        expect(await rejectionCode(unlockVaultWithPasskey(withA, ID_A, prf))).toBe('wrong-passkey');
      }),
      { numRuns: 25 },
    );
  });

  it('a credential that has no slot here is told apart: another vault’s passkey', async () => {
    expect(await rejectionCode(unlockVaultWithPasskey(withA, ID_B, PRF_B))).toBe('unknown-passkey');
    expect(await rejectionCode(unlockVaultWithPasskey(plain.record, ID_A, PRF_A))).toBe('unknown-passkey');
  });

  it('a tampered slot is detected: its wrapped key, salts or id (bound to the wrapped key), or its name', async () => {
    const slotOf = (b: Record<string, unknown>, i = 0) =>
      (member(b, 'header').passkeys as Record<string, unknown>[])[i]!;
    const cases: [string, (b: Record<string, unknown>) => void, string][] = [
      [
        'wrapped key bit',
        (b) => {
          const box = slotOf(b).wrappedKey as { ciphertext: string };
          box.ciphertext = flipBase64Bit(box.ciphertext, 5);
        },
        'wrong-passkey',
      ],
      ['PRF input', (b) => void (slotOf(b).prfSalt = SALT(0x33)), 'wrong-passkey'],
      ['HKDF salt', (b) => void (slotOf(b).hkdfSalt = SALT(0x44)), 'wrong-passkey'],
      // B's wrapped key under A's id: bound to B's id, so A's PRF output cannot open it.
      [
        'wrapped key moved from another slot',
        (b) => void (slotOf(b).wrappedKey = structuredClone(slotOf(b, 1).wrappedKey)),
        'wrong-passkey',
      ],
      // The slot still opens, but the payload's AAD covers the whole header: the record is not authentic.
      ['name', (b) => void (slotOf(b).name = 'Attacker key'), 'corrupt'],
      ['date', (b) => void (slotOf(b).createdAt = 1), 'corrupt'],
    ];
    for (const [what, edit, code] of cases) {
      const tampered = await tamper(withAB, edit);
      expect(await rejectionCode(unlockVaultWithPasskey(tampered, ID_A, PRF_A)), what).toBe(code);
      // Nor does the password open a record whose header was changed.
      expect(await rejectionCode(unlockVault(tampered, TEST_PASSWORD)), what).toBe('corrupt');
    }
  });

  it('a slot planted by someone without the vault key makes the record unreadable, not theirs', async () => {
    const other = await createVault(TEST_PASSWORD, { other: true }, { iterations: TEST_ITERATIONS });
    const planted = await makePasskeySlot({
      vaultKey: other.vaultKey,
      id: ID_B,
      name: 'Planted',
      prfSalt: SALT(0x55),
      prfOutput: PRF_B,
      createdAt: 1,
      random: secureRandomBytes,
    });
    const tampered = await tamper(withA, (b) => {
      (member(b, 'header').passkeys as unknown[]).push(planted);
    });
    expect(await rejectionCode(unlockVaultWithPasskey(tampered, ID_B, PRF_B))).toBe('corrupt');
  });

  it('refuses malformed slots before any key: empty, duplicate ids, extra members, bad lengths', async () => {
    const edits: [string, (b: Record<string, unknown>) => void][] = [
      ['empty list', (b) => void (member(b, 'header').passkeys = [])],
      ['no list in version 2', (b) => void delete member(b, 'header').passkeys],
      [
        'duplicate id',
        (b) => {
          const slots = member(b, 'header').passkeys as Record<string, unknown>[];
          slots[1]!.id = slots[0]!.id;
        },
      ],
      ['extra member', (b) => void ((member(b, 'header').passkeys as Record<string, unknown>[])[0]!.x = 1)],
      [
        'short PRF input',
        (b) => void ((member(b, 'header').passkeys as Record<string, unknown>[])[0]!.prfSalt = 'AAAA'),
      ],
      ['slots in version 1', (b) => void (member(b, 'header').version = 1)],
      [
        'eleven slots',
        (b) => {
          const slots = member(b, 'header').passkeys as Record<string, unknown>[];
          member(b, 'header').passkeys = Array.from({ length: 11 }, (_, i) => ({
            ...slots[0],
            id: encodeBase64(new Uint8Array([i + 1])),
          }));
        },
      ],
    ];
    for (const [what, edit] of edits) {
      const bad = await tamper(withAB, edit);
      expect(await rejectionCode(parseVaultRecord(bad)), what).toBe('corrupt');
    }
  });

  it('sealed writes and a KDF upgrade keep the slots; a password change (new vault key) drops them', async () => {
    const next = await sealVault(withAB, plain.vaultKey, { ...SAMPLE_PAYLOAD, more: 1 });
    expect((await unlockVaultWithPasskey(next, ID_B, PRF_B)).payload).toEqual({ ...SAMPLE_PAYLOAD, more: 1 });
    const upgraded = await upgradeVaultKdf(withAB, TEST_PASSWORD, { iterations: TEST_ITERATIONS + 1 });
    expect((await unlockVaultWithPasskey(upgraded.record, ID_A, PRF_A)).payload).toEqual(SAMPLE_PAYLOAD);
    const changed = await rewrapVault(withAB, { password: TEST_PASSWORD }, 'a new password 2026');
    expect((await parseVaultRecord(changed.record)).header.passkeys).toBeUndefined();
    expect(await rejectionCode(unlockVaultWithPasskey(changed.record, ID_A, PRF_A))).toBe('unknown-passkey');
    expect((await openVault(changed.record, changed.vaultKey)).payload).toEqual(SAMPLE_PAYLOAD);
  });

  it('refuses unusable input when making a slot', async () => {
    const base = {
      vaultKey: plain.vaultKey,
      id: ID_A,
      name: 'Key',
      prfSalt: SALT(1),
      prfOutput: PRF_A,
      createdAt: 0,
      random: secureRandomBytes,
    };
    for (const patch of [
      { prfOutput: new Uint8Array(31) },
      { prfSalt: 'AAAA' },
      { id: '' },
      { name: '   ' },
      { name: 'x'.repeat(65) },
      { vaultKey: new Uint8Array(16) },
    ]) {
      expect(await rejectionCode(makePasskeySlot({ ...base, ...patch }))).toBe('invalid-argument');
    }
  });
});
