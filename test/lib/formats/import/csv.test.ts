/** RFC 4180 reading, and Bitwarden's CSV export built on it. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../lib/formats/import/csv';
import { readImport } from '../../../../lib/formats/import';
import { importErrorCode } from './import-error-code';

const TOTP = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks; CRLF, LF and CR end records', () => {
    expect(parseCsv('a,"b,c","say ""hi""","line\r\nbreak"\r\nd,,\re\nf')).toEqual([
      ['a', 'b,c', 'say "hi"', 'line\r\nbreak'],
      ['d', '', ''],
      ['e'],
      ['f'],
    ]);
  });

  it('keeps a quote inside an unquoted field; an empty quoted field is empty', () => {
    expect(parseCsv('ab"c,"",x\n')).toEqual([['ab"c', '', 'x']]);
  });

  it('rejects an unterminated quote and text after a closing quote', () => {
    expect(parseCsv('a,"open\n')).toBeNull();
    expect(parseCsv('"closed"x,y')).toBeNull();
  });
});

describe('Bitwarden CSV', () => {
  it('finds columns by name in any order; a row without TOTP is not an entry', async () => {
    const csv = [
      'login_totp,login_username,name,notes',
      `${TOTP},alice,"ACME, Inc.","multi\nline ""note"""`,
      ',bob,No TOTP,',
      `"steam://HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ",gamer,"Steam ""main""",`,
    ].join('\r\n');
    const read = await readImport(csv);
    expect(read.format).toBe('bitwarden-csv');
    expect(read.accounts.map((a) => [a.type, a.issuer, a.account])).toEqual([
      ['totp', 'ACME', 'alice'],
      ['steam', 'Steam "main"', 'gamer'],
    ]);
  });

  it('a short row reads missing columns as empty; a bad TOTP value is skipped by name', async () => {
    const read = await readImport(
      `name,login_username,login_totp\nShort\nBad,carol,not base32!\nGood,dave,${TOTP}`,
    );
    expect(read.accounts.map((a) => a.account)).toEqual(['alice']);
    expect(read.skipped).toEqual([{ reason: 'invalid', label: 'Bad: carol' }]);
  });

  it('broken quoting is corrupt-backup', async () => {
    expect(await importErrorCode(() => readImport(`name,login_totp\n"Unterminated,${TOTP}\n`))).toBe(
      'corrupt-backup',
    );
  });
});
