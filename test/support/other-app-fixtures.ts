/**
 * The real backups other authenticator apps wrote (the Aegis project's importer test resources), in the shared
 * fixtures beside the repository, and exactly the accounts each one holds. Encrypted files use the password `test`.
 *
 * Where the files differ from the README's table, the table here follows the files:
 * - 2FAS schema 2 (2fas_authenticator_encrypted.2fas) holds 4 keys and no `tokenType`: that 2FAS version had no
 *   HOTP, so Issuu and WWE were TOTP keys with a 30 s period (Aegis's own importer test treats them the same way).
 * - 2FAS schema 3 holds no Steam entry.
 * - Bitwarden's `steam://` item carries no issuer or account: the item name ("Test Steam") stands in as issuer.
 * - Neither Aegis file holds a Battle.net entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Account } from '../../lib/otp/account';
import type { ImportFormat } from '../../lib/formats/import';

export const OTHER_APP_FIXTURES = join(__dirname, '../../../shared/fixtures/other-apps');

export const OTHER_APP_PASSWORD = 'test';

export const otherAppFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(OTHER_APP_FIXTURES, name)));

const totp = (
  issuer: string,
  account: string,
  secret: string,
  algorithm: Account['algorithm'],
  digits: number,
  period: number,
): Account => ({ type: 'totp', issuer, account, secret, algorithm, digits, period, counter: 0 });

const hotp = (
  issuer: string,
  account: string,
  secret: string,
  algorithm: Account['algorithm'],
  digits: number,
  counter: number,
): Account => ({ type: 'hotp', issuer, account, secret, algorithm, digits, period: 30, counter });

const steam = (issuer: string, account: string, secret: string): Account => ({
  type: 'steam',
  issuer,
  account,
  secret,
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
  counter: 0,
});

const DENO = totp('Deno', 'Mason', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30);
const SPDX = totp('SPDX', 'James', '5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 7, 20);
const AIRBNB = totp('Airbnb', 'Elijah', '7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 50);
const ISSUU = hotp('Issuu', 'James', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', 'SHA1', 6, 1);
const AIR_CANADA = hotp('Air Canada', 'Benjamin', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 50);
const WWE = hotp('WWE', 'Mason', '5VAML3X35THCEBVRLV24CGBKOY', 'SHA512', 8, 10300);
const BOEING = steam('Boeing', 'Sophia', 'JRZCL47CMXVOQMNPZR2F7J4RGI');

/** The README's seven accounts, in its order. */
export const README_ACCOUNTS: readonly Account[] = [DENO, SPDX, AIRBNB, ISSUU, AIR_CANADA, WWE, BOEING];

export interface OtherAppFixture {
  file: string;
  format: ImportFormat;
  encrypted: boolean;
  /** Exactly what readImport must return, in order. */
  accounts: readonly Account[];
}

export const OTHER_APP_EXPECTED: readonly OtherAppFixture[] = [
  { file: 'aegis_plain.json', format: 'aegis', encrypted: false, accounts: README_ACCOUNTS },
  { file: 'aegis_encrypted.json', format: 'aegis-encrypted', encrypted: true, accounts: README_ACCOUNTS },
  {
    file: '2fas_authenticator_plain_v4.2fas',
    format: '2fas',
    encrypted: false,
    accounts: [DENO, ISSUU, AIR_CANADA, WWE, BOEING],
  },
  {
    file: '2fas_authenticator_encrypted.2fas',
    format: '2fas-encrypted',
    encrypted: true,
    accounts: [
      DENO,
      AIRBNB,
      totp('Issuu', 'James', ISSUU.secret, 'SHA1', 6, 30),
      totp('WWE', 'Mason', WWE.secret, 'SHA512', 8, 30),
    ],
  },
  {
    file: '2fas_authenticator_encrypted_v3.2fas',
    format: '2fas-encrypted',
    encrypted: true,
    accounts: [DENO, SPDX, AIRBNB, ISSUU, AIR_CANADA, WWE],
  },
  {
    file: '2fas_authenticator_encrypted_v4.2fas',
    format: '2fas-encrypted',
    encrypted: true,
    accounts: [DENO, ISSUU, AIR_CANADA, WWE, BOEING],
  },
  { file: 'andotp_plain.json', format: 'andotp', encrypted: false, accounts: README_ACCOUNTS },
  { file: 'andotp_encrypted.bin', format: 'andotp-encrypted', encrypted: true, accounts: README_ACCOUNTS },
  {
    file: 'bitwarden.json',
    format: 'bitwarden-json',
    encrypted: false,
    accounts: [DENO, SPDX, AIRBNB, steam('Test Steam', '', BOEING.secret)],
  },
];
