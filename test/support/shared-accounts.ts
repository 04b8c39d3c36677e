import type { Account } from '../../lib/otp/account';

/**
 * The one set of test accounts every backup and transfer format is checked with (issue #5): Japanese names, a
 * SHA256 / 8-digit / 60 s key, HOTP with a counter, Steam, and the plain six-digit console key. Formats that cannot
 * carry a kind (Google transfer: no Steam, no period other than 30 s) are tested on the subset they can.
 */
export const SHARED_ACCOUNTS: readonly Account[] = Object.freeze([
  {
    type: 'totp',
    issuer: 'Trend Micro SaaS Account',
    account: 'abc@example.co.jp',
    secret: 'ABCDEFGHIJKL2345',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: '株式会社サンプル 管理コンソール',
    account: '山田 太郎',
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'ウェブルート',
    account: 'セキュリティ管理者',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 42,
  },
  {
    type: 'steam',
    issuer: 'Steam',
    account: 'sekimori-test',
    secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'ServiceNow',
    account: 'admin.鈴木@example.jp',
    secret: 'KRSXG5CTMVRXEZLU',
    algorithm: 'SHA512',
    digits: 7,
    period: 30,
    counter: 0,
  },
] satisfies Account[]);
