/**
 * 200 realistic accounts, the same on every run: mostly TOTP SHA1 / 6 digits / 30 s with 10-byte secrets (what the
 * admin consoles issue), some SHA256 / 8 digits with 20-byte secrets, a few HOTP and Steam.
 */
import type { AccountDraft } from '../lib/messages';
import { encodeBase32 } from '../lib/otp/base32';

export const ACCOUNT_COUNT = 200;

const ISSUERS = [
  'Trend Micro SaaS Account',
  'AWS',
  'Microsoft',
  'Google Workspace',
  'Okta',
  'Cisco Duo',
  'GitHub',
  'Salesforce',
  'Cloudflare',
  'Fortinet FortiCloud',
  'Zscaler',
  'さくらのクラウド',
  'Sophos Central',
  'Atlassian',
];

/** mulberry32: a tiny seeded PRNG, so the secrets (and thus the work) are identical between runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function secret(random: () => number, bytes: number): string {
  return encodeBase32(Uint8Array.from({ length: bytes }, () => Math.floor(random() * 256)));
}

/** Fully specified drafts (every field set), valid for `validateAccount` and for the 'account.add' message. */
export function realisticAccounts(count = ACCOUNT_COUNT, seed = 2026): Required<AccountDraft>[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i): Required<AccountDraft> => {
    const issuer = ISSUERS[i % ISSUERS.length]!;
    const account = `admin${String(i).padStart(3, '0')}@example.co.jp`;
    const base = { issuer, account, period: 30, counter: 0 };
    if (i % 50 === 7)
      return { ...base, type: 'hotp', secret: secret(random, 20), algorithm: 'SHA1', digits: 6, counter: i };
    if (i % 50 === 23)
      return {
        ...base,
        issuer: 'Steam',
        type: 'steam',
        secret: secret(random, 20),
        algorithm: 'SHA1',
        digits: 5,
      };
    if (i % 10 === 4)
      return { ...base, type: 'totp', secret: secret(random, 20), algorithm: 'SHA256', digits: 8 };
    return { ...base, type: 'totp', secret: secret(random, 10), algorithm: 'SHA1', digits: 6 };
  });
}

/** "180 TOTP SHA1/6, 12 SHA256/8, 4 HOTP, 4 Steam" */
export function describeMix(accounts: readonly Required<AccountDraft>[]): string {
  const counts = new Map<string, number>();
  for (const a of accounts) {
    const key = a.type === 'totp' ? `TOTP ${a.algorithm}/${a.digits}` : a.type === 'hotp' ? 'HOTP' : 'Steam';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} ${key}`).join(', ');
}
