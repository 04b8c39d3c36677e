/**
 * The one message protocol between extension pages, content scripts and the background service worker: the
 * types pages see, and the typed clients. Every message is declared once in lib/protocol/messages.ts; every
 * request names its type; the background answers `{ ok: true, value }` or `{ ok: false, code }`, the code an
 * ErrorCode (lib/protocol/errors.ts) that the UI maps to a translated message.
 */
import type { SentTo } from './autofill/code-target';
import type { Account, OtpAlgorithm, OtpType } from './otp/account';
import type { Declaration, SenderKind } from './protocol/declare';
import { isErrorCode, type ErrorCode } from './protocol/errors';
// Types only: the declarations table stays out of every bundle that only calls the background (content scripts,
// pages); the router, validation and tests take MESSAGE_TYPES and ALLOWED_SENDER from lib/protocol/messages.ts.
import type { MESSAGES } from './protocol/messages';

export { ERRORS, errorKey, isErrorCode, type ErrorCode } from './protocol/errors';

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
  /** Of `origins`, those where the code is filled without a click (the user granted Sekimori that site). */
  autoFill: string[];
  createdAt: number;
  /** Listed before the others (after the current site's accounts). */
  pinned: boolean;
}

/** An account with the codes to show now. TOTP/Steam: `next` is the code of the following time step. */
export interface CodeView extends AccountView {
  code: string;
  /** TOTP/Steam: the next step's code; HOTP: empty (the next HOTP code is only made on request). */
  next: string;
  /** When `code` stops being current (ms since epoch); 0 for HOTP. */
  validUntilMs: number;
}

/**
 * An older copy of the vault is shown instead of the current record: the current one is damaged (the last good
 * copy opened), or an older record was written back over a newer one this browser had seen. It stays read-only
 * until the user confirms restoring it (`vault.restore-copy`), knowing what is lost.
 */
export interface RecoveryInfo {
  /** The revision of the copy shown. */
  copyRevision: number;
  /** The newest revision this browser session has seen (≥ copyRevision; equal when nothing newer is known). */
  newestSeen: number;
  /** False when the copy cannot be written back (a newer format than this version understands). */
  restorable: boolean;
}

export type VaultStatus =
  | { vault: 'absent' }
  | { vault: 'locked' }
  | { vault: 'unlocked'; readOnly: boolean; recovered: boolean; recovery?: RecoveryInfo }
  | { vault: 'unreadable' };

/** One passkey of the vault as a page sees it: never its wrapped key. */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: number;
  /** The PRF input its slot was made with (base64): the unlock asks the authenticator for this one. */
  prfSalt: string;
}

/** The vault's passkeys and what the organisation's policy says of them. */
export interface PasskeyState {
  /** False when policy disallows unlocking with a passkey (slots stay in the vault, unused). */
  allowed: boolean;
  /** The WebAuthn user verification to ask for: policy can relax it to 'preferred'. */
  userVerification: 'required' | 'preferred';
  passkeys: PasskeyInfo[];
}

/** Why sync is not carrying changes now (null: it is, or it is off). */
export type SyncProblem =
  /** The vault no longer fits the browser's sync quota: nothing is written until it does. */
  | { kind: 'over-quota'; bytesNeeded: number; bytesAllowed: number; overBy: number }
  /** The password was changed on another browser: its new password is needed here. */
  | { kind: 'needs-password' }
  /** This browser changed the password: the others take the new one at their next unlock. */
  | { kind: 'waiting' }
  /** The synced record cannot be read (damaged, or written by a newer Sekimori). */
  | { kind: 'unreadable' };

/** Sync on this browser as pages see it (docs/sync-format.md). */
export interface SyncStatus {
  /** The organisation's policy turns sync off (DisableSync). */
  policyOff: boolean;
  /** Turned on for this browser; null while locked (the choice is kept inside the vault). */
  on: boolean | null;
  lastSyncedAt: number | null;
  problem: SyncProblem | null;
}

/** What joining the synced vault would do with this browser's accounts (shown before the union). */
export interface SyncJoinPreview {
  /** The other browsers' accounts this one lacks. */
  added: number;
  /** Accounts on both sides: shown once, their sites united. */
  merged: number;
  /** This browser's accounts the others lack: kept and sent. */
  unchanged: number;
}

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

/** One account found in a scanned or pasted code, before it is saved: never its secret. */
export interface EnrolAccountView extends Omit<
  AccountView,
  'id' | 'origins' | 'autoFill' | 'createdAt' | 'pinned'
> {
  /** The vault already holds an account with the same secret, issuer and account name. */
  duplicate: boolean;
}

/** Where a multi-QR Google Authenticator export stands. Indices are 0-based; the UI shows them 1-based. */
export interface MigrationProgress {
  batchId: number;
  /** The QR code just read. */
  index: number;
  size: number;
  /** How many QR codes of this export are not yet read (in this browser session). */
  missingCount: number;
  /**
   * Which ones, as 0-based inclusive `[from, to]` ranges in order: at most MAX_MISSING_RANGES of them, so they may
   * cover fewer than `missingCount` (the UI then says there are more).
   */
  missingRanges: [number, number][];
}

/** Ranges listed in MigrationProgress.missingRanges, at most. */
export const MAX_MISSING_RANGES = 8;

/** What a scanned or pasted text would add. */
export interface EnrolPreview {
  kind: 'otpauth' | 'migration';
  accounts: EnrolAccountView[];
  /** Entries of a transfer code that cannot be imported (unsupported or invalid). */
  skipped: number;
  batch?: MigrationProgress;
}

/** What a scanned or pasted text did add. */
export interface EnrolResult {
  kind: 'otpauth' | 'migration';
  /** Ids of the accounts added, in order. */
  added: string[];
  /** Display labels ("Issuer (account)") of the accounts added, for confirmations. */
  labels: string[];
  /** Accounts that were already in the vault (nothing duplicated). */
  duplicates: number;
  skipped: number;
  batch?: MigrationProgress;
}

/** What the scan content script learns after sending a decoded text: counts and labels, never secrets. */
export type ScanOutcome =
  | {
      result: 'added';
      added: number;
      duplicates: number;
      skipped: number;
      labels: string[];
      batch?: MigrationProgress;
    }
  | { result: 'locked' };

/** The tab the popup acts on: its web origin (null: not a web page) and the document it shows now. */
export interface TabContext {
  tabId: number;
  origin: string | null;
  /** The top document seen when the popup opened; a fill is pinned to it (a navigation cancels the fill). */
  documentId: string | null;
  /** Frames of other origins in that page: filled only when the account is bound to the frame's own origin. */
  frames: FrameContext[];
}

export interface FrameContext {
  documentId: string;
  origin: string;
}

export interface FillRequest {
  id: string;
  tabId: number;
  documentId: string;
  origin: string;
  /** Cross-origin frames seen when the popup opened (see TabContext). */
  frames: FrameContext[];
  allowOtherOrigin: boolean;
  allowEmailCode: boolean;
}

/** What the fill script in the page is told besides the code (never anything secret). */
export interface PageFillOptions {
  allowEmailCode: boolean;
  /** Automatic fill: only a confident field that is still empty. */
  auto: boolean;
  /** The stand-in document pin (browsers without document ids): the document must still hold this token. */
  token: string | null;
  tokenName: string;
}

/** What the fill script reports from the page (content script → background, as an injection result). */
export interface PageFill {
  /** The document's own origin (checked against the origin the user saw). */
  origin: string;
  found: boolean;
  /** The page says the code was sent to the user (e-mail or text message): filled only on the user's choice. */
  emailCode: boolean;
  /** Where it says the code went, when `emailCode` (absent: e-mail, or not said). */
  sentTo?: SentTo;
  filled: boolean;
  /** Typed in, but read back the field(s) did not hold the code (refused or misplaced by the page): cleared again. */
  notTaken: boolean;
}

/** What a "Fill" did. The popup copies the code itself when no field was found. */
export type FillOutcome =
  | { result: 'filled' }
  /** The account is not bound to the page's origin: the user must confirm (naming both) first. */
  | { result: 'confirm-origin'; origin: string; accountOrigins: string[] }
  /** The page asks for an e-mailed code, not an authenticator's: filled only on the user's explicit choice. */
  | { result: 'confirm-email-code' }
  /** The same for a code sent by text message (SMS): the question names the text message. */
  | { result: 'confirm-sms-code' }
  | { result: 'no-field'; code: string }
  /** The page did not take the code (it was cleared again): the popup copies it instead. */
  | { result: 'not-taken'; code: string };

/**
 * Where "Fill automatically on this site" stands for one account and origin. `needs-permission`: the user has not
 * (yet) granted Sekimori that site; the choice is kept for a few minutes and completed when the grant arrives.
 */
export type AutoFillState = 'on' | 'off' | 'needs-permission';

/** What the automatic fill did in a page (the page's script learns nothing more: never a code). */
export type AutoFillOutcome = { result: 'filled' } | { result: 'skipped' } | { result: 'locked' };

/** What an export writes: our encrypted backup, a plain otpauth list, Google transfer QR codes, one account's QR. */
export type ExportKind = 'sekimori-backup' | 'otpauth-list' | 'google-migration' | 'account-qr';

/**
 * An account read from a backup or another app's export, on its way into the vault (options page → background):
 * the OTP parameters, the secret, and the sites our own backups carry.
 */
export interface ImportedAccount extends Account {
  origins?: string[];
  /** Pinned in the Sekimori backup it comes from. */
  pinned?: true;
}

/** An account of an import preview, without its secret. */
export type ImportedAccountView = Omit<ImportedAccount, 'secret'> & {
  /** The vault (or an earlier entry of the same file) already holds it: unchecked by default. */
  duplicate: boolean;
};

/** What a read file would import. */
export interface ImportPreview {
  token: string;
  /** The detected format (`sekimori-backup` or one of the other apps' formats). */
  format: string;
  accounts: ImportedAccountView[];
  /** Entries left out: kinds Sekimori cannot compute, or invalid entries (label only, never a secret). */
  skipped: { reason: 'unsupported-otp' | 'invalid'; label: string }[];
}

/** For the popup's reminder and the options page: how well the accounts are backed up. */
export interface BackupState {
  /** Live accounts in no backup or export yet (or changed since). */
  unbacked: number;
  /** When the last Sekimori backup file was made (ms), or null. */
  lastBackupAt: number | null;
  /** The user dismissed the reminder at this many unbacked accounts: show it again only when there are more. */
  remind: boolean;
}

/** Every message's request and response, derived from its one declaration in lib/protocol/messages.ts. */
export type Protocol = {
  [K in keyof Declarations]: Declarations[K] extends Declaration<infer Req, infer Res>
    ? { req: Req; res: Res }
    : never;
};
type Declarations = typeof MESSAGES;

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['req'];
export type ResponseOf<K extends MessageType> = Protocol[K]['res'];
export type Message<K extends MessageType = MessageType> = { type: K; payload: RequestOf<K> };
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

export type { SenderKind };
/** The messages one kind of sender may send. */
export type MessageFrom<S extends SenderKind> = {
  [K in MessageType]: Declarations[K]['sender'] extends S ? K : never;
}[MessageType];

export type Send = (message: Message) => Promise<unknown>;

/**
 * A typed client over any transport (runtime messaging in the extension, a fake in tests), for the messages `S`
 * may send: content scripts hold a ScanClient or a PageClient and cannot even name another message.
 */
export interface ClientFor<S extends SenderKind> {
  call<K extends MessageFrom<S>>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
}
/** Every message (extension pages, tests). */
export type Client = ClientFor<SenderKind>;
/** The scan content script's messages only. */
export type ScanClient = ClientFor<'scan-tab'>;
/** The automatic-fill content script's (any web frame) messages only. */
export type PageClient = ClientFor<'web-frame'>;

/** An error the background reported; `code` selects the translated message. */
export class RemoteError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'RemoteError';
  }
}

/** `createClient<'scan-tab'>(send)` gives a ScanClient; without a sender kind, a client for every message. */
export function createClient<S extends SenderKind = SenderKind>(send: Send): ClientFor<S> {
  return {
    async call(type, payload) {
      const result = (await send({ type, payload } as Message)) as Result<never> | undefined;
      if (!result || typeof result !== 'object') throw new RemoteError('no-response');
      // A code this version does not know (a newer background) is shown as the generic failure.
      if (!result.ok) throw new RemoteError(isErrorCode(result.code) ? result.code : 'internal');
      return result.value;
    },
  };
}

/**
 * When the vault locks by itself (besides "Lock", a browser restart and an extension update). Not secret: kept
 * in `storage.local` under `settings`.
 */
export interface LockSettings {
  /** Lock after this many minutes without keyboard or mouse input in the whole system; 0 = never. */
  idleLockMinutes: number;
  /** Lock at the latest this many hours after unlocking, whatever happens. */
  maxUnlockedHours: number;
  /** Lock when the operating system locks the screen (Chromium reports it; Firefox does not). */
  lockOnScreenLock: boolean;
}

export const DEFAULT_LOCK_SETTINGS: LockSettings = {
  idleLockMinutes: 15,
  maxUnlockedHours: 8,
  lockOnScreenLock: true,
};

export { LOCK_SETTING_LIMITS } from './protocol/limits';

/** Settings kept in `storage.local` that can be found ignored: the lock settings, the clock check. */
export type IgnoredSetting = 'lock' | 'clock';

/** The clock check (options page). Not secret: kept in `storage.local` under `clock`. */
export interface ClockState {
  /** The web origin measured against, or null before the first check. */
  server: string | null;
  /** Server time minus this computer's time (ms); positive: this computer is behind. */
  offsetMs: number | null;
  /** The round trip of the sample used (the offset is good to about half of it, plus the Date header's 1 s). */
  roundTripMs: number | null;
  measuredAt: number | null;
  /** Codes are computed with the offset applied. */
  apply: boolean;
}

/** Beyond this difference, servers that accept one step either side may start rejecting codes. */
export const CLOCK_WARN_MS = 15_000;
