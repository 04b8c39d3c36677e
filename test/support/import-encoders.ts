/**
 * Test-only writers of other apps' plain backup layouts (lib/formats/import reads them), following the layouts in
 * the shared otp-formats.md and the real files. Each takes Sekimori accounts; fields a format has no place for are
 * left out, as the app would.
 */
import { formatOtpauthUri } from '../../lib/otp/format-otpauth-uri';
import type { Account } from '../../lib/otp/account';

/** One otpauth URI per line. */
export function otpauthList(accounts: readonly Account[], eol = '\n'): string {
  return accounts.map((account) => formatOtpauthUri(account)).join(eol) + eol;
}

/** Aegis entry objects (`db.entries`). */
export function aegisEntries(accounts: readonly Account[]): object[] {
  return accounts.map((account, index) => ({
    type: account.type,
    uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: account.account,
    issuer: account.issuer,
    note: '',
    favorite: false,
    icon: null,
    info: {
      secret: account.secret,
      algo: account.algorithm,
      digits: account.digits,
      ...(account.type === 'hotp' ? { counter: account.counter } : { period: account.period }),
    },
    groups: [],
  }));
}

/** Aegis content (`db`), version 3 as current Aegis writes it. */
export function aegisContent(accounts: readonly Account[], entries = aegisEntries(accounts)): object {
  return { version: 3, entries, groups: [] };
}

export function aegisPlain(accounts: readonly Account[], content = aegisContent(accounts)): string {
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: content }, null, 4);
}

/** 2FAS service objects (schema 4 shape: `otp.label` is the account). */
export function twoFasServices(accounts: readonly Account[]): object[] {
  return accounts.map((account, position) => ({
    name: account.issuer,
    secret: account.secret,
    updatedAt: 1_700_000_000_000 + position,
    otp: {
      ...linkOf(account),
      label: account.account,
      account: account.account,
      issuer: account.issuer,
      digits: account.digits,
      algorithm: account.algorithm,
      ...(account.type === 'hotp' ? { counter: account.counter } : { period: account.period }),
      tokenType: account.type.toUpperCase(),
      source: 'Link',
    },
    order: { position },
  }));
}

/** 2FAS 4 writes the otpauth link too; left out for an account a test made invalid on purpose. */
function linkOf(account: Account): { link?: string } {
  try {
    return { link: formatOtpauthUri(account) };
  } catch {
    return {};
  }
}

export function twoFasPlain(
  accounts: readonly Account[],
  services: unknown = twoFasServices(accounts),
): string {
  return JSON.stringify({
    services,
    groups: [],
    updatedAt: 1_700_000_000_000,
    schemaVersion: 4,
    appVersionCode: 5000009,
    appVersionName: '5.1.0',
    appOrigin: 'android',
  });
}

/** andOTP entry objects (secrets padded, as andOTP writes them). */
export function andOtpEntries(accounts: readonly Account[]): object[] {
  return accounts.map((account) => ({
    secret: account.secret.padEnd(Math.ceil(account.secret.length / 8) * 8, '='),
    issuer: account.issuer,
    label: account.account,
    digits: account.digits,
    type: account.type.toUpperCase(),
    algorithm: account.algorithm,
    thumbnail: 'Default',
    last_used: 0,
    used_frequency: 0,
    ...(account.type === 'hotp' ? { counter: account.counter } : { period: account.period }),
    tags: [],
  }));
}

export function andOtpPlain(accounts: readonly Account[]): string {
  return JSON.stringify(andOtpEntries(accounts));
}

/** Bitwarden's `login.totp`: an otpauth URI, `steam://` for Steam. */
export function bitwardenTotp(account: Account): string {
  return account.type === 'steam' ? `steam://${account.secret}` : formatOtpauthUri(account);
}

export function bitwardenJson(
  accounts: readonly Account[],
  items: unknown = bitwardenItems(accounts),
): string {
  return JSON.stringify({ encrypted: false, folders: [], items }, null, 2);
}

export function bitwardenItems(accounts: readonly Account[]): object[] {
  return accounts.map((account, index) => ({
    id: `item-${index}`,
    organizationId: null,
    folderId: null,
    type: 1,
    name: account.issuer,
    notes: null,
    favorite: false,
    login: { uris: null, username: account.account, password: 'not-a-secret', totp: bitwardenTotp(account) },
    collectionIds: null,
  }));
}

const CSV_HEADER = [
  'folder',
  'favorite',
  'type',
  'name',
  'notes',
  'fields',
  'reprompt',
  'login_uri',
  'login_username',
  'login_password',
  'login_totp',
];

/** RFC 4180: every field quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

export function bitwardenCsv(accounts: readonly Account[], eol = '\n'): string {
  const rows = accounts.map((account) =>
    [
      '',
      '',
      'login',
      account.issuer,
      'a note, with "quotes"\nand a line break',
      '',
      '0',
      '',
      account.account,
      'pw',
      bitwardenTotp(account),
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join(eol) + eol;
}

/** The "Authenticator" extension's JSON: keyed by hash, defaults omitted, as its exporter writes. */
export function authenticatorJson(accounts: readonly Account[]): string {
  const data: Record<string, object> = {};
  accounts.forEach((account, index) => {
    const hash = `0000000${index}-0000-4000-8000-000000000000`.slice(-36);
    data[hash] = {
      encrypted: false,
      hash,
      index,
      type: account.type,
      secret: account.secret,
      ...(account.type === 'hotp' ? { counter: account.counter } : {}),
      ...(account.type === 'totp' && account.period !== 30 ? { period: account.period } : {}),
      ...(account.issuer !== '' ? { issuer: account.issuer } : {}),
      ...(account.account !== '' ? { account: account.account } : {}),
      ...(account.type !== 'steam' && account.digits !== 6 ? { digits: account.digits } : {}),
      ...(account.type !== 'steam' && account.algorithm !== 'SHA1' ? { algorithm: account.algorithm } : {}),
      dataType: 'OTPStorage',
    };
  });
  return JSON.stringify(data, null, 2).replace(/\n/gu, '\r\n');
}

/** The extension's text backup: its own parameter order, CRLF between lines, no final line break, no Steam. */
export function authenticatorText(accounts: readonly Account[]): string {
  return accounts
    .filter((account) => account.type !== 'steam')
    .map((account) => {
      const issuer = encodeURIComponent(account.issuer.split('::')[0]!.replace(/:/gu, ''));
      const name = encodeURIComponent(account.account.split('::')[0]!.replace(/:/gu, ''));
      const label = issuer !== '' ? `${issuer}:${name}` : name;
      return (
        `otpauth://${account.type}/${label}?secret=${account.secret}` +
        (issuer !== '' ? `&issuer=${issuer}` : '') +
        (account.type === 'hotp' ? `&counter=${account.counter}` : `&period=${account.period}`) +
        `&digits=${account.digits}&algorithm=${account.algorithm}`
      );
    })
    .join('\r\n');
}
