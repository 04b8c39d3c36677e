/** Entries of kinds Sekimori cannot compute, or that fail validation, are listed in `skipped`; the rest import. */
import { describe, expect, it } from 'vitest';
import { encodeMigrationPayload } from '../../../../lib/formats/migration-payload';
import { encodeMigrationUri } from '../../../../lib/formats/migration-uri';
import { readImport } from '../../../../lib/formats/import';
import { formatOtpauthUri } from '../../../../lib/otp/format-otpauth-uri';
import {
  aegisContent,
  aegisEntries,
  aegisPlain,
  andOtpEntries,
  twoFasPlain,
} from '../../../support/import-encoders';
import { SHARED_ACCOUNTS } from '../../../support/shared-accounts';
import { importErrorCode } from './import-error-code';

const [CONSOLE] = SHARED_ACCOUNTS;
const SECRET = 'JBSWY3DPEHPK3PXP';

const aegisEntry = (type: string, info: object, issuer = 'Odd', name = 'entry') => ({
  type,
  issuer,
  name,
  info,
});

describe('skipped entries', () => {
  it('Aegis: motp, yandex, MD5, 10 digits are unsupported; a bad secret or label is invalid; the rest import', async () => {
    const entries = [
      aegisEntry('motp', { secret: SECRET, algo: 'MD5', digits: 6, period: 10, pin: '1234' }, 'MOTP', 'a'),
      aegisEntry(
        'yandex',
        { secret: SECRET, algo: 'SHA256', digits: 8, period: 30, pin: '1234' },
        'Yandex',
        'b',
      ),
      aegisEntry('totp', { secret: SECRET, algo: 'MD5', digits: 6, period: 30 }, 'MD5', 'c'),
      aegisEntry('totp', { secret: SECRET, algo: 'SHA1', digits: 10, period: 30 }, 'Ten', 'd'),
      ...aegisEntries(SHARED_ACCOUNTS),
      aegisEntry('totp', { secret: '0189', algo: 'SHA1', digits: 6, period: 30 }, 'Hex', 'e'),
      aegisEntry('totp', { secret: SECRET, algo: 'SHA1', digits: 6, period: 0 }, 'Zero', 'f'),
      aegisEntry('totp', { secret: SECRET }, 'Tab\tbed', 'g'),
      'not an entry',
    ];
    const read = await readImport(aegisPlain([], aegisContent([], entries as object[])));
    expect(read.accounts).toEqual(SHARED_ACCOUNTS);
    expect(read.skipped).toEqual([
      { reason: 'unsupported-otp', label: 'MOTP: a' },
      { reason: 'unsupported-otp', label: 'Yandex: b' },
      { reason: 'unsupported-otp', label: 'MD5: c' },
      { reason: 'unsupported-otp', label: 'Ten: d' },
      { reason: 'invalid', label: 'Hex: e' },
      { reason: 'invalid', label: 'Zero: f' },
      { reason: 'invalid', label: 'Tab bed: g' },
      { reason: 'invalid', label: '' },
    ]);
  });

  it('nothing importable: unsupported-otp if any was unsupported, corrupt-backup if all invalid, empty-backup if none', async () => {
    const only = (...entries: object[]) => aegisPlain([], aegisContent([], entries));
    expect(await importErrorCode(() => readImport(only(aegisEntry('motp', { secret: SECRET }))))).toBe(
      'unsupported-otp',
    );
    expect(
      await importErrorCode(() =>
        readImport(only(aegisEntry('motp', { secret: SECRET }), aegisEntry('totp', { secret: '1' }))),
      ),
    ).toBe('unsupported-otp');
    expect(await importErrorCode(() => readImport(only(aegisEntry('totp', { secret: '' }))))).toBe(
      'corrupt-backup',
    );
    expect(await importErrorCode(() => readImport(only()))).toBe('empty-backup');
    expect(await importErrorCode(() => readImport(twoFasPlain([])))).toBe('empty-backup');
    expect(await importErrorCode(() => readImport('{"encrypted":false,"items":[]}'))).toBe('empty-backup');
  });

  it('andOTP MOTP and 2FAS unknown token types are unsupported', async () => {
    const andotp = [
      ...andOtpEntries([CONSOLE!]),
      { secret: SECRET, issuer: 'M', label: 'x', type: 'MOTP', digits: 6 },
    ];
    expect((await readImport(JSON.stringify(andotp))).skipped).toEqual([
      { reason: 'unsupported-otp', label: 'M: x' },
    ]);
    const services = [
      { name: 'Y', secret: SECRET, otp: { account: 'y', tokenType: 'YAOTP' } },
      { name: 'T', secret: SECRET },
    ];
    const read = await readImport(twoFasPlain([], services));
    expect(read.accounts.map((a) => a.issuer)).toEqual(['T']);
    expect(read.skipped).toEqual([{ reason: 'unsupported-otp', label: 'Y: y' }]);
  });

  it('Authenticator JSON: battle, hex secrets and GOST are unsupported', async () => {
    const json = JSON.stringify({
      a: { type: 'battle', secret: SECRET, issuer: 'Blizzard' },
      b: { type: 'totp', secret: 'blz-' + SECRET, issuer: 'Bliz' },
      c: { type: 'totp', secret: '0123456789abcdef0123', issuer: 'Hex' },
      d: { type: 'totp', secret: SECRET, issuer: 'Gost', algorithm: 'GOST3411_2012_256' },
      e: { type: 'totp', secret: SECRET, issuer: 'Fine' },
    });
    const read = await readImport(json);
    expect(read.accounts.map((a) => a.issuer)).toEqual(['Fine']);
    expect(read.skipped.map((s) => [s.reason, s.label])).toEqual([
      ['unsupported-otp', 'Blizzard'],
      ['unsupported-otp', 'Bliz'],
      ['unsupported-otp', 'Hex'],
      ['unsupported-otp', 'Gost'],
    ]);
  });

  it('otpauth lines: an unknown type is unsupported, a broken URI or a stray line invalid; labels never hold the secret', async () => {
    const text = [
      `otpauth://motp/Phone:me?secret=${SECRET}`,
      formatOtpauthUri(CONSOLE!),
      `otpauth://totp/Broken:me?secret=${SECRET}&period=-30`,
      'just some text',
    ].join('\n');
    const read = await readImport(text);
    expect(read.accounts).toEqual([CONSOLE]);
    expect(read.skipped).toEqual([
      { reason: 'unsupported-otp', label: 'Phone:me' },
      { reason: 'invalid', label: 'Broken:me' },
      { reason: 'invalid', label: '' },
    ]);
    expect(JSON.stringify(read.skipped)).not.toContain(SECRET);
  });

  it('Google transfer: an MD5 entry is skipped by name, the others import', async () => {
    const entry = (name: string, algorithm: bigint) => ({
      secret: new Uint8Array(10).fill(7),
      name,
      issuer: 'ACME',
      algorithm,
      digits: 1n,
      type: 2n,
      counter: 0n,
    });
    const uri = encodeMigrationUri(
      encodeMigrationPayload({
        otpParameters: [entry('ACME:md5', 4n), entry('ACME:ok', 1n)],
        version: 1,
        batchSize: 1,
        batchIndex: 0,
        batchId: 1,
      }),
    );
    const read = await readImport(uri);
    expect(read.accounts.map((a) => a.account)).toEqual(['ok']);
    expect(read.skipped).toEqual([{ reason: 'unsupported-otp', label: 'ACME: md5' }]);
    const onlyMd5 = encodeMigrationUri(
      encodeMigrationPayload({ otpParameters: [entry('x', 4n)], version: 1 }),
    );
    expect(await importErrorCode(() => readImport(onlyMd5))).toBe('unsupported-otp');
    expect(await importErrorCode(() => readImport(`${onlyMd5}\n${uri}`))).toBe('ok');
  });
});
