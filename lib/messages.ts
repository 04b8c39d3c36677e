/**
 * The one message protocol between extension pages and the background service worker.
 * Every request names its type; the background answers `{ ok: true, value }` or `{ ok: false, code }`.
 * Codes are stable strings that the UI maps to translated messages.
 */
import type { Account, OtpAlgorithm, OtpType } from './otp/account';

/** What the popup may know about an account: never its secret. */
export interface AccountView {
  id: string;
  type: OtpType;
  issuer: string;
  account: string;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
  origins: string[];
  createdAt: number;
}

/** An account with the codes to show now. TOTP/Steam: `next` is the code of the following time step. */
export interface CodeView extends AccountView {
  code: string;
  /** TOTP/Steam: the next step's code; HOTP: empty (the next HOTP code is only made on request). */
  next: string;
  /** When `code` stops being current (ms since epoch); 0 for HOTP. */
  validUntilMs: number;
}

export type VaultStatus =
  | { vault: 'absent' }
  | { vault: 'locked' }
  | { vault: 'unlocked'; readOnly: boolean; recovered: boolean }
  | { vault: 'unreadable' };

/** A manually typed account before validation (strings from form fields are accepted and checked). */
export interface AccountDraft {
  type?: OtpType;
  issuer: string;
  account: string;
  secret: string;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

/** An edit: omitted fields are kept; an empty or omitted secret keeps the stored one. */
export type AccountPatch = Partial<AccountDraft>;

export interface Protocol {
  'vault.status': { req: Record<string, never>; res: VaultStatus };
  'vault.create': { req: { password: string }; res: VaultStatus };
  'vault.unlock': { req: { password: string }; res: VaultStatus };
  'vault.lock': { req: Record<string, never>; res: VaultStatus };
  /** The popup's one start-up call: the vault state and, when unlocked, every account with its codes. */
  'codes.list': {
    req: Record<string, never>;
    res: { status: VaultStatus; accounts: CodeView[]; now: number };
  };
  'account.preview': {
    req: { draft: AccountDraft };
    res: { code: string; account: Omit<Account, 'secret'> };
  };
  'account.add': { req: { draft: AccountDraft }; res: { id: string } };
  'account.update': { req: { id: string; patch: AccountPatch }; res: { id: string } };
  'account.delete': { req: { id: string }; res: { id: string } };
  'account.restore': { req: { id: string }; res: { id: string } };
  'hotp.next': { req: { id: string }; res: { code: string; counter: number } };
  'clipboard.copied': { req: { digest: string }; res: Record<string, never> };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['req'];
export type ResponseOf<K extends MessageType> = Protocol[K]['res'];
export type Message<K extends MessageType = MessageType> = { type: K; payload: RequestOf<K> };
export type Result<T> = { ok: true; value: T } | { ok: false; code: string };

/** Messages that only extension pages (popup, options) may send. Content scripts may send none of these. */
export const EXTENSION_PAGE_ONLY: Record<MessageType, true> = {
  'vault.status': true,
  'vault.create': true,
  'vault.unlock': true,
  'vault.lock': true,
  'codes.list': true,
  'account.preview': true,
  'account.add': true,
  'account.update': true,
  'account.delete': true,
  'account.restore': true,
  'hotp.next': true,
  'clipboard.copied': true,
};

export const MESSAGE_TYPES = Object.keys(EXTENSION_PAGE_ONLY) as MessageType[];

export type Send = (message: Message) => Promise<unknown>;

/** A typed client over any transport (runtime messaging in the extension, a fake in tests). */
export interface Client {
  call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
}

/** An error the background reported; `code` selects the translated message. */
export class RemoteError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'RemoteError';
  }
}

export function createClient(send: Send): Client {
  return {
    async call(type, payload) {
      const result = (await send({ type, payload })) as Result<never> | undefined;
      if (!result || typeof result !== 'object') throw new RemoteError('no-response');
      if (!result.ok) throw new RemoteError(result.code);
      return result.value;
    },
  };
}
