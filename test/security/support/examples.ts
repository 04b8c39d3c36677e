/**
 * One well-formed request of every message type, with the ids of a real vault, so a refusal can only come from
 * who sent it (the shape is checked first: a malformed request would be 'bad-request', not 'forbidden').
 */
import type { Background } from './background';

export const PASSWORD = 'campaign vault password 2026';
export const SECRET = 'ABCDEFGHIJKL2345';
export const CONSOLE = 'https://clp.trendmicro.com';
export const URI = `otpauth://totp/Trend%20Micro%20SaaS%20Account:abc%40example.co.jp?secret=${SECRET}&issuer=Trend%20Micro%20SaaS%20Account`;
/** A passkey of the seeded vault: its credential id and the PRF output its authenticator gives. */
export const PASSKEY = {
  id: 'AQIDBAUGBwgJCgsMDQ4PEA==',
  prfSalt: 'c2VraW1vcmkgY2FtcGFpZ24gcGFzc2tleSBzYWx0ISE=',
  prf: 'Y2FtcGFpZ24gcGFzc2tleSBQUkYgb3V0cHV0IDMyIGI=',
};
export const HOTP_URI = 'otpauth://hotp/VPN:ops?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=VPN';

export interface Seeded {
  id: string;
  hotpId: string;
  token: string;
}

/** Creates the vault (unlocked) with a TOTP account bound to the console and a HOTP account; reads one import. */
export async function seed(bg: Background): Promise<Seeded> {
  await bg.client.call('vault.create', { password: PASSWORD });
  const [id] = (await bg.client.call('enrol.save', { text: URI })).added;
  const [hotpId] = (await bg.client.call('enrol.save', { text: HOTP_URI })).added;
  if (!id || !hotpId) throw new Error('seed accounts not added');
  await bg.client.call('account.bind', { id, origin: CONSOLE });
  await bg.client.call('passkey.add', { password: PASSWORD, name: 'Campaign key', ...PASSKEY });
  const { token } = await bg.client.call('import.read', {
    data: 'otpauth://totp/Other:someone?secret=JBSWY3DPEHPK3PXQ&issuer=Other',
    encoding: 'text',
  });
  return { id, hotpId, token };
}

/** A valid payload for every type (also the types other work in progress adds; unknown ones are ignored). */
export function examples(s: Seeded, documentId: string): Record<string, Record<string, unknown>> {
  return {
    'vault.status': {},
    'vault.create': { password: 'another password 123' },
    'vault.unlock': { password: PASSWORD },
    'vault.lock': {},
    'vault.restore-copy': { revision: 1 },
    'vault.unlock-passkey': { id: PASSKEY.id, prf: PASSKEY.prf },
    'passkey.list': {},
    'sync.status': {},
    'sync.enable': {},
    'sync.join': { password: PASSWORD, confirm: false },
    'sync.password': { password: PASSWORD },
    'sync.disable': {},
    'passkey.add': {
      password: PASSWORD,
      id: 'EA8ODQwLCgkIBwYFBAMCAQ==',
      name: 'Second key',
      prfSalt: PASSKEY.prf,
      prf: PASSKEY.prfSalt,
    },
    'passkey.remove': { id: PASSKEY.id },
    'vault.change-password': { current: PASSWORD, next: 'a new password 456' },
    'codes.list': {},
    'account.preview': { draft: { issuer: 'a', account: 'b', secret: 'JBSWY3DPEHPK3PXP' } },
    'account.add': { draft: { issuer: 'Forged', account: 'x', secret: 'JBSWY3DPEHPK3PXP' } },
    'account.update': { id: s.id, patch: { issuer: 'Renamed by a page', secret: 'JBSWY3DPEHPK3PXP' } },
    'account.delete': { id: s.id },
    'account.restore': { id: s.id },
    'account.move': { id: s.id, to: 1 },
    'account.pin': { id: s.id, pinned: true },
    'accounts.sort': {},
    'hotp.next': { id: s.hotpId },
    'clipboard.copied': { digest: 'a'.repeat(64) },
    'enrol.preview': { text: URI },
    'enrol.save': { text: 'otpauth://totp/Evil:x?secret=JBSWY3DPEHPK3PXP&issuer=Evil' },
    'enrol.pending': {},
    'scan.start': { tabId: 3 },
    'tab.context': { tabId: 3 },
    'account.bind': { id: s.id, origin: 'https://evil.example' },
    'account.origins': { id: s.id, origins: ['https://evil.example'] },
    'fill.code': {
      id: s.id,
      tabId: 3,
      documentId,
      origin: CONSOLE,
      frames: [{ documentId: '0123456789ABCDEF0123456789ABCDEF', origin: 'https://sso.example.jp' }],
      allowOtherOrigin: true,
      allowEmailCode: true,
    },
    'account.autofill': { id: s.id, origin: CONSOLE, on: true },
    'fill.auto': {},
    'backup.export': { kind: 'otpauth-list', password: PASSWORD, ids: [s.id] },
    'import.read': { data: 'otpauth://totp/Evil:y?secret=JBSWY3DPEHPK3PXP&issuer=Evil', encoding: 'text' },
    'import.commit': { token: s.token, selected: [0] },
    'backup.state': {},
    'backup.dismiss': {},
    'scan.capture': {},
    'scan.decoded': { text: 'otpauth://totp/Evil:z?secret=JBSWY3DPEHPK3PXP&issuer=Evil' },
    'scan.finished': {},
    'settings.get': {},
    'clock.get': {},
    'clock.check': { server: 'https://time.example.jp' },
    'clock.apply': { apply: true },
    'policy.get': {},
    'settings.set': { idleLockMinutes: 0 },
  };
}
