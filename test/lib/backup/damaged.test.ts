import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackupError, openBackup, readBackupSummary, sealBackup } from '../../../lib/backup';
import { MAX_BACKUP_TEXT_LENGTH } from '../../../lib/backup/backup-constants';
import { SHARED_ACCOUNTS } from '../../support/shared-accounts';
import { EXAMPLE_ACCOUNTS } from '../../fixtures/backup/example-accounts';
import {
  handSeal,
  member,
  rejectionCode,
  tamper,
  TEST_ITERATIONS,
  TEST_PASSWORD,
  withChecksum,
  type JsonObject,
} from './backup-test-helpers';

let text: string;
let other: string;

beforeAll(async () => {
  text = await sealBackup(EXAMPLE_ACCOUNTS, TEST_PASSWORD, { iterations: TEST_ITERATIONS });
  other = await sealBackup(SHARED_ACCOUNTS, TEST_PASSWORD, { iterations: TEST_ITERATIONS });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Spies on every way WebCrypto could derive a key: none may be called for a file refused before the KDF. */
function spyOnKdf() {
  return [
    vi.spyOn(globalThis.crypto.subtle, 'deriveKey'),
    vi.spyOn(globalThis.crypto.subtle, 'deriveBits'),
  ] as const;
}

const account = (overrides: JsonObject = {}): JsonObject => ({ ...SHARED_ACCOUNTS[0], ...overrides });
const payload = (...accounts: unknown[]): string => JSON.stringify({ accounts });

describe('passwords', () => {
  it("a wrong password is 'wrong-password'; none at all is 'password-required'", async () => {
    expect(await rejectionCode(openBackup(text, 'correct horse battery stapler'))).toBe('wrong-password');
    expect(await rejectionCode(openBackup(text, 'short'))).toBe('wrong-password');
    expect(await rejectionCode(openBackup(text, ''))).toBe('password-required');
    expect(await rejectionCode(openBackup(text, undefined as unknown as string))).toBe('password-required');
  });

  it('error messages are fixed sentences without the password or any account data', async () => {
    const error = await openBackup(text, 'hunter2-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toBe('The password does not open this backup.');
    expect(String((error as Error).stack)).not.toContain('hunter2');
  });
});

describe('accidental damage', () => {
  it("every truncation is 'corrupt-backup' (or 'not-a-backup' before the format member), never accounts", async () => {
    const [deriveKey] = spyOnKdf();
    const signatureEnd = text.indexOf('"sekimori-backup"') + '"sekimori-backup"'.length;
    for (let length = 0; length < text.length - 1; length++) {
      const code = await rejectionCode(openBackup(text.slice(0, length), TEST_PASSWORD));
      expect(code, `length ${length}`).toBe(length < signatureEnd ? 'not-a-backup' : 'corrupt-backup');
    }
    expect(deriveKey).not.toHaveBeenCalled();
    // Only the final newline is optional.
    expect((await openBackup(text.trimEnd(), TEST_PASSWORD)).accounts).toEqual(EXAMPLE_ACCOUNTS);
  });

  it('every single-bit flip of every byte (header, ciphertext, checksum) is refused before the KDF', async () => {
    const [deriveKey, deriveBits] = spyOnKdf();
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    const formatEnd = text.indexOf('"sekimori-backup"') + '"sekimori-backup"'.length;
    const versionDigit = text.indexOf('"version": 1') + '"version": '.length;
    const seen = new Map<string, number>();
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = new Uint8Array(bytes);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      const code = await rejectionCode(openBackup(decoder.decode(flipped), TEST_PASSWORD));
      seen.set(code, (seen.get(code) ?? 0) + 1);
      const at = bit >> 3;
      const allowed =
        at < formatEnd
          ? ['not-a-backup', 'corrupt-backup']
          : at === versionDigit
            ? ['corrupt-backup', 'unsupported-version']
            : ['corrupt-backup'];
      expect(allowed, `bit ${bit} (byte ${at} ${JSON.stringify(text[at])}) gave ${code}`).toContain(code);
    }
    expect(deriveKey).not.toHaveBeenCalled();
    expect(deriveBits).not.toHaveBeenCalled();
    expect(seen.get('corrupt-backup')).toBeGreaterThan(bytes.length * 7);
  });

  it('junk is not a backup: 1 MB of random text, a PNG, JSON that is something else', async () => {
    const junk = Array.from({ length: 1 << 20 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(
      '',
    );
    const png = readFileSync(new URL('../../../public/icon/32.png', import.meta.url));
    for (const input of [
      junk,
      png.toString('latin1'),
      new TextDecoder().decode(png),
      '',
      '   ',
      'null',
      '[]',
      '{}',
      '"sekimori-backup"',
      '{"format":"sekimori-vault","version":1}',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
      42 as unknown as string,
      null as unknown as string,
    ]) {
      expect(await rejectionCode(openBackup(input, TEST_PASSWORD))).toBe('not-a-backup');
    }
  });

  it("1 MB of junk after a backup's opening is 'corrupt-backup'; text over the size limit is 'too-large'", async () => {
    const junk = '{"format":"sekimori-backup",' + 'x'.repeat(1 << 20);
    expect(await rejectionCode(openBackup(junk, TEST_PASSWORD))).toBe('corrupt-backup');
    expect(await rejectionCode(openBackup(' '.repeat(MAX_BACKUP_TEXT_LENGTH + 1), TEST_PASSWORD))).toBe(
      'too-large',
    );
  });

  it('a byte-order mark, CRLF line ends and other whitespace do not matter', async () => {
    const edited = '\uFEFF' + text.replaceAll('\n', '\r\n').replaceAll('  ', '\t');
    expect((await openBackup(edited, TEST_PASSWORD)).accounts).toEqual(EXAMPLE_ACCOUNTS);
    const compact = JSON.stringify(JSON.parse(text));
    expect((await openBackup(compact, TEST_PASSWORD)).accounts).toEqual(EXAMPLE_ACCOUNTS);
  });
});

describe('tampered header (checksum recomputed, so only the format rules and AES-GCM can tell)', () => {
  it.each([599_999, 100_000, 1])(
    "%d iterations is 'weak-backup-parameters', refused before deriving anything",
    async (iterations) => {
      const [deriveKey, deriveBits] = spyOnKdf();
      const tampered = tamper(text, (file) => void (member(file, 'kdf').iterations = iterations));
      expect(await rejectionCode(openBackup(tampered, TEST_PASSWORD))).toBe('weak-backup-parameters');
      expect(await rejectionCode(readBackupSummary(tampered))).toBe('weak-backup-parameters');
      expect(deriveKey).not.toHaveBeenCalled();
      expect(deriveBits).not.toHaveBeenCalled();
    },
  );

  it("a salt shorter than 16 bytes is 'weak-backup-parameters'", async () => {
    const tampered = tamper(text, (file) => void (member(file, 'kdf').salt = 'AAAAAAAAAAAAAAAAAAAA'));
    expect(await rejectionCode(openBackup(tampered, TEST_PASSWORD))).toBe('weak-backup-parameters');
  });

  it("more than 10 000 000 iterations is refused ('unsupported-version') without deriving: no hang", async () => {
    const [deriveKey] = spyOnKdf();
    for (const iterations of [10_000_001, 2 ** 32, 1e300]) {
      const tampered = tamper(text, (file) => void (member(file, 'kdf').iterations = iterations));
      expect(await rejectionCode(openBackup(tampered, TEST_PASSWORD))).toBe('unsupported-version');
    }
    expect(deriveKey).not.toHaveBeenCalled();
  });

  it("a raised iteration count (within limits) or a swapped salt fails authentication: 'wrong-password'", async () => {
    const raised = tamper(text, (file) => void (member(file, 'kdf').iterations = TEST_ITERATIONS + 1));
    expect(await rejectionCode(openBackup(raised, TEST_PASSWORD))).toBe('wrong-password');
    const salt = member(JSON.parse(other) as JsonObject, 'kdf').salt;
    const swapped = tamper(text, (file) => void (member(file, 'kdf').salt = salt));
    expect(await rejectionCode(openBackup(swapped, TEST_PASSWORD))).toBe('wrong-password');
  });

  it("a swapped salt without a recomputed checksum is 'corrupt-backup'", async () => {
    const salt = member(JSON.parse(other) as JsonObject, 'kdf').salt as string;
    const original = member(JSON.parse(text) as JsonObject, 'kdf').salt as string;
    expect(await rejectionCode(openBackup(text.replace(original, salt), TEST_PASSWORD))).toBe(
      'corrupt-backup',
    );
  });

  it("every authenticated header value is covered by the AAD: changing one is 'wrong-password'", async () => {
    const nonce = member(JSON.parse(other) as JsonObject, 'cipher').nonce;
    for (const edit of [
      (file: JsonObject) => void (file.createdAt = (file.createdAt as number) + 1),
      (file: JsonObject) => void (file.accountCount = 4),
      (file: JsonObject) => void (member(file, 'cipher').nonce = nonce),
    ]) {
      expect(await rejectionCode(openBackup(tamper(text, edit), TEST_PASSWORD))).toBe('wrong-password');
    }
  });

  it("a bit flip inside the ciphertext or its tag (sampled) is 'wrong-password' once the checksum is recomputed", async () => {
    const file = JSON.parse(text) as JsonObject;
    const bytes = Buffer.from(file.ciphertext as string, 'base64');
    for (const at of [0, 1, Math.floor(bytes.length / 2), bytes.length - 17, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x01;
      const tampered = tamper(text, (body) => void (body.ciphertext = flipped.toString('base64')));
      expect(await rejectionCode(openBackup(tampered, TEST_PASSWORD)), `byte ${at}`).toBe('wrong-password');
    }
  });

  it.each<[string, (file: JsonObject) => void]>([
    ['version 2', (file) => void (file.version = 2)],
    ['version 2 with new members', (file) => void Object.assign(file, { version: 2, compression: 'zstd' })],
    ['a huge version', (file) => void (file.version = Number.MAX_SAFE_INTEGER)],
    ['an unknown KDF', (file) => void (member(file, 'kdf').name = 'argon2id')],
    ['an unknown cipher', (file) => void (member(file, 'cipher').name = 'xchacha20-poly1305')],
  ])("%s is 'unsupported-version'", async (_name, edit) => {
    expect(await rejectionCode(openBackup(tamper(text, edit), TEST_PASSWORD))).toBe('unsupported-version');
  });

  it.each<[string, (file: JsonObject) => void]>([
    ['version 0', (file) => void (file.version = 0)],
    ['version "1"', (file) => void (file.version = '1')],
    ['version 1.5', (file) => void (file.version = 1.5)],
    ['an extra member', (file) => void (file.note = 'hello')],
    ['a missing member', (file) => void delete file.accountCount],
    [
      'reordered members',
      (file) => {
        const { format, createdAt, ...rest } = { ...file };
        for (const name of Object.keys(file)) delete file[name];
        Object.assign(file, { createdAt, format, ...rest });
      },
    ],
    ['iterations as a string', (file) => void (member(file, 'kdf').iterations = '800000')],
    ['fractional iterations', (file) => void (member(file, 'kdf').iterations = 600_000.5)],
    ['a KDF name that is not a string', (file) => void (member(file, 'kdf').name = 7)],
    ['kdf not an object', (file) => void (file.kdf = 'pbkdf2-sha256')],
    ['an extra KDF member', (file) => void (member(file, 'kdf').memory = 1)],
    [
      'non-canonical base64 salt',
      (file) => void (member(file, 'kdf').salt = `${member(file, 'kdf').salt as string} `),
    ],
    ['a 65-byte salt', (file) => void (member(file, 'kdf').salt = Buffer.alloc(65).toString('base64'))],
    ['an 8-byte nonce', (file) => void (member(file, 'cipher').nonce = 'AAAAAAAAAAA=')],
    ['a ciphertext shorter than the tag', (file) => void (file.ciphertext = 'AAAA')],
    ['a negative createdAt', (file) => void (file.createdAt = -1)],
    ['an account count over the maximum', (file) => void (file.accountCount = 10_001)],
    ['a checksum in upper case', () => {}],
  ])("%s is 'corrupt-backup'", async (name, edit) => {
    let tampered = tamper(text, edit);
    if (name === 'a checksum in upper case')
      tampered = tampered.replace(
        /"checksum": "([0-9a-f]+)"/,
        (_, h: string) => `"checksum": "${h.toUpperCase()}"`,
      );
    expect(await rejectionCode(openBackup(tampered, TEST_PASSWORD))).toBe('corrupt-backup');
  });

  it("a missing or malformed checksum is 'corrupt-backup'", async () => {
    const { checksum: _checksum, ...body } = JSON.parse(text) as JsonObject;
    expect(await rejectionCode(openBackup(JSON.stringify(body), TEST_PASSWORD))).toBe('corrupt-backup');
    expect(await rejectionCode(openBackup(JSON.stringify({ ...body, checksum: 'x' }), TEST_PASSWORD))).toBe(
      'corrupt-backup',
    );
  });

  it("`__proto__` members are plain unknown members: 'corrupt-backup', and nothing is polluted", async () => {
    const inHeader = withChecksum(
      JSON.parse(text.replace('"format"', '"__proto__": {"polluted": true},\n  "format"')) as JsonObject,
    );
    expect(await rejectionCode(openBackup(inHeader, TEST_PASSWORD))).toBe('corrupt-backup');
    const inKdf = tamper(text, (file) => {
      file.kdf = JSON.parse(
        `{"__proto__":{"iterations":1},${JSON.stringify(file.kdf).slice(1)}`,
      ) as JsonObject;
    });
    expect(await rejectionCode(openBackup(inKdf, TEST_PASSWORD))).toBe('corrupt-backup');
    expect(({} as JsonObject).polluted).toBeUndefined();
  });
});

describe('authentic files with invalid content (written by something other than Sekimori)', () => {
  it.each<[string, string | Uint8Array]>([
    ['not UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d)],
    ['not JSON', 'accounts'],
    ['a bare array', JSON.stringify([SHARED_ACCOUNTS[0]])],
    ['an extra payload member', JSON.stringify({ accounts: [SHARED_ACCOUNTS[0]], more: 1 })],
    ['a count different from the header', payload(account(), account())],
    ['an unknown account member', payload(account({ id: 'x' }))],
    ['a missing account member', payload({ ...account(), counter: undefined })],
    [
      'a __proto__ account member',
      `{"accounts":[${JSON.stringify(account()).slice(0, -1)},"__proto__":{"x":1}}]}`,
    ],
    ['an invalid secret', payload(account({ secret: '0189' }))],
    ['a control character in a name', payload(account({ account: 'a\u0000b' }))],
    ['an invalid origin', payload(account({ origins: ['https://example.jp/'] }))],
    ['origins not a list', payload(account({ origins: { 0: 'https://example.jp' } }))],
    ['a bad createdAt', payload(account({ createdAt: '2026-01-01' }))],
    ['an account that is null', payload(null)],
  ])("%s is 'corrupt-backup'", async (_name, plaintext) => {
    expect(await rejectionCode(openBackup(handSeal(plaintext), TEST_PASSWORD))).toBe('corrupt-backup');
    expect(({} as JsonObject).x).toBeUndefined();
  });

  it('a file written by hand following the documentation opens (with any valid KDF cost)', async () => {
    const made = handSeal(payload(account({ origins: ['https://example.jp'] })), { iterations: 612_345 });
    expect((await openBackup(made, TEST_PASSWORD)).accounts).toEqual([
      { ...SHARED_ACCOUNTS[0], origins: ['https://example.jp'] },
    ]);
  });
});
