/**
 * The twelve accounts of the demo's Google-Authenticator-like transfer export: fixed names and parameters,
 * secrets new at every server start. Mostly SHA-1 / 6 digits / 30 s TOTP, as in real exports, plus one
 * 8-digit SHA-256 TOTP and one HOTP whose counter is 5.
 */
import type { Account } from '../lib/otp/account';
import { randomSecret } from './totp';

type Kind = Pick<Account, 'type' | 'algorithm' | 'digits' | 'counter'>;

const TOTP: Kind = { type: 'totp', algorithm: 'SHA1', digits: 6, counter: 0 };
const TOTP_SHA256_8: Kind = { type: 'totp', algorithm: 'SHA256', digits: 8, counter: 0 };
const HOTP_AT_5: Kind = { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 5 };

const ACCOUNTS: [issuer: string, account: string, kind: Kind][] = [
  ['トレンドマイクロ', '管理者@example.co.jp', TOTP],
  ['Webroot', 'admin@example.co.jp', TOTP],
  ['Google', 'yamada.taro@example.co.jp', TOTP],
  ['Microsoft', 'yamada@example.onmicrosoft.com', TOTP],
  ['GitHub', 'yamada-example', TOTP],
  ['セキュリティポータル', 'soc-admin01@example.co.jp', TOTP_SHA256_8],
  ['さくらのクラウド', '情報システム部', TOTP],
  ['Salesforce', 'yamada@example.co.jp', TOTP],
  ['サイボウズ', '山田 太郎', TOTP],
  ['AWS', '本番環境-root', TOTP],
  ['freee', '経理部@example.co.jp', TOTP],
  ['VPNゲートウェイ', '大阪拠点', HOTP_AT_5],
];

/** The export's accounts in order: the first ten go into QR code 1/2, the last two into 2/2. */
export function transferAccounts(): Account[] {
  return ACCOUNTS.map(([issuer, account, kind]) => ({
    ...kind,
    issuer,
    account,
    secret: randomSecret(kind.algorithm === 'SHA256' ? 20 : 10),
    period: 30,
  }));
}
