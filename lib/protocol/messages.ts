/**
 * Every message the background accepts, each declared once: its request and response types, who may send it,
 * the guard its payload must pass (typed: it must accept exactly the request type) and the feature that
 * answers it. The router, the shape checks, the typed clients and the handler types are derived from here.
 *
 * Anything from another context is untrusted (a compromised renderer can send any message a content script
 * can), so each payload is checked field by field; unknown keys, prototype tricks and oversized strings are
 * refused.
 */
import type { Account } from '../otp/account';
import type { Policy } from '../policy/policy';
import type {
  AccountDraft,
  AutoFillOutcome,
  AutoFillState,
  BackupState,
  ClockState,
  CodeView,
  EnrolPreview,
  EnrolResult,
  ExportKind,
  FillOutcome,
  FillRequest,
  IgnoredSetting,
  ImportPreview,
  LockSettings,
  PasskeyState,
  ScanOutcome,
  SyncJoinPreview,
  SyncStatus,
  TabContext,
  VaultStatus,
} from '../messages';
import { MAX_PASSKEY_NAME } from '../vault/passkey-slot';
import { isWebOrigin } from '../web-origin';
import { message, type AnyDeclaration } from './declare';
import { arrayOf, boolean, empty, finite, integer, matching, object, oneOf, string } from './guards';
import {
  LOCK_SETTING_LIMITS,
  MAX_FRAMES,
  MAX_IMPORT_ACCOUNTS,
  MAX_CREDENTIAL_ID_TEXT,
  MAX_IMPORT_DATA,
  MAX_LABEL,
  MAX_ORIGINS,
  MAX_PASSWORD,
  MAX_QR_TEXT,
  MAX_SECRET,
} from './limits';

type Empty = Record<string, never>;

const id = matching(/^[a-f0-9]{8,64}$/);
const password = string(MAX_PASSWORD);
const tabId = integer(0);
const webOrigin = isWebOrigin;
/**
 * Chromium's document ids (hex), Firefox's (a UUID, in the versions that report one), or where the browser has none
 * (older Firefox) the stand-in the fill platform makes: `f<frameId>-<random hex>`, a token kept in that
 * document's isolated world.
 */
const documentId = matching(
  /^(?:[0-9A-F]{16,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|f\d{1,10}-[0-9a-f]{32})$/i,
);
const draftFields = {
  issuer: string(MAX_LABEL),
  account: string(MAX_LABEL),
  secret: string(MAX_SECRET),
};
const draftOptions = {
  type: oneOf('totp', 'hotp', 'steam'),
  algorithm: oneOf('SHA1', 'SHA256', 'SHA512'),
  digits: finite,
  period: finite,
  counter: finite,
};
const draft = object(draftFields, draftOptions);
const patch = object({}, { ...draftFields, ...draftOptions });
const byId = object({ id });
const qrText = object({ text: string(MAX_QR_TEXT, 1) });
const optionalTab = object({}, { tabId });
/** Canonical base64 of 1 to 1 023 bytes (a credential id), and of exactly 32 bytes (a PRF input or output). */
const credentialId = matching(
  new RegExp(
    `^(?=.{4,${MAX_CREDENTIAL_ID_TEXT}}$)(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`,
  ),
);
const bytes32 = matching(/^[A-Za-z0-9+/]{43}=$/);

export const MESSAGES = {
  'vault.status': message<Empty, VaultStatus>()({ sender: 'extension-page', feature: 'core', guard: empty }),
  'vault.create': message<{ password: string }, VaultStatus>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ password }),
  }),
  'vault.unlock': message<{ password: string }, VaultStatus>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ password }),
  }),
  'vault.lock': message<Empty, VaultStatus>()({ sender: 'extension-page', feature: 'core', guard: empty }),
  /** Writes the older copy shown (see RecoveryInfo) back as the vault; `revision` is the copy the user confirmed. */
  'vault.restore-copy': message<{ revision: number }, VaultStatus>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ revision: integer(0) }),
  }),
  /**
   * Changes the vault password: `current` is checked again, `next` needs MIN_PASSWORD_LENGTH characters. The vault
   * stays unlocked. Errors: `wrong-password`, `password-too-short`, `locked`, `read-only`.
   */
  'vault.change-password': message<{ current: string; next: string }, VaultStatus>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ current: password, next: password }),
  }),
  /**
   * Unlocks with a passkey: the credential's id and its PRF output for that slot's input (base64). Errors:
   * `unknown-passkey` (not a passkey of this vault), `wrong-passkey`, `policy-forbids`.
   */
  'vault.unlock-passkey': message<{ id: string; prf: string }, VaultStatus>()({
    sender: 'extension-page',
    feature: 'passkeys',
    guard: object({ id: credentialId, prf: bytes32 }),
  }),
  /** Sync on this browser: on or off, when it last carried changes, what stops it. */
  'sync.status': message<Empty, SyncStatus>()({ sender: 'extension-page', feature: 'sync', guard: empty }),
  /**
   * Turns sync on for this browser. `join`: the browser's sync already holds another vault, whose password
   * `sync.join` needs. Errors: `locked`, `policy-forbids`, `sync-unreadable`.
   */
  'sync.enable': message<Empty, { status: SyncStatus; join: boolean }>()({
    sender: 'extension-page',
    feature: 'sync',
    guard: empty,
  }),
  /**
   * Joins the synced vault with its password: without `confirm`, only the preview of the union; with it, the
   * union is made and this browser's vault takes the synced vault's key and password (its passkeys go).
   */
  'sync.join': message<
    { password: string; confirm: boolean },
    { preview: SyncJoinPreview; status: SyncStatus }
  >()({ sender: 'extension-page', feature: 'sync', guard: object({ password, confirm: boolean }) }),
  /** The new password, set on another browser: this browser's vault takes the new key, and sync goes on. */
  'sync.password': message<{ password: string }, SyncStatus>()({
    sender: 'extension-page',
    feature: 'sync',
    guard: object({ password }),
  }),
  /** Turns sync off for this browser (the other browsers keep theirs; nothing synced is deleted). */
  'sync.disable': message<Empty, SyncStatus>()({ sender: 'extension-page', feature: 'sync', guard: empty }),
  /** The vault's passkeys (readable while locked: names and PRF inputs only), and whether policy allows them. */
  'passkey.list': message<Empty, PasskeyState>()({
    sender: 'extension-page',
    feature: 'passkeys',
    guard: empty,
  }),
  /**
   * Adds a passkey slot: the password again, the new credential's id, its name, the PRF input used and the
   * authenticator's output. Errors: `wrong-password`, `duplicate`, `too-many-passkeys`, `policy-forbids`.
   */
  'passkey.add': message<
    { password: string; id: string; name: string; prfSalt: string; prf: string },
    PasskeyState
  >()({
    sender: 'extension-page',
    feature: 'passkeys',
    guard: object({
      password,
      id: credentialId,
      name: string(MAX_PASSKEY_NAME, 1),
      prfSalt: bytes32,
      prf: bytes32,
    }),
  }),
  'passkey.remove': message<{ id: string }, PasskeyState>()({
    sender: 'extension-page',
    feature: 'passkeys',
    guard: object({ id: credentialId }),
  }),
  /** The popup's one start-up call: the vault state and, when unlocked, every account with its codes. */
  'codes.list': message<
    Empty,
    {
      status: VaultStatus;
      accounts: CodeView[];
      now: number;
      highlight: string[];
      backup: BackupState | null;
    }
  >()({ sender: 'extension-page', feature: 'core', guard: empty }),
  'account.preview': message<{ draft: AccountDraft }, { code: string; account: Omit<Account, 'secret'> }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ draft }),
  }),
  'account.add': message<{ draft: AccountDraft }, { id: string }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ draft }),
  }),
  /** An edit: omitted fields are kept; an empty or omitted secret keeps the stored one. */
  'account.update': message<{ id: string; patch: Partial<AccountDraft> }, { id: string }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ id, patch }),
  }),
  'account.delete': message<{ id: string }, { id: string }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: byId,
  }),
  'account.restore': message<{ id: string }, { id: string }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: byId,
  }),
  /** Moves an account to position `to` of the list as shown, within its group (pinned, or the others). */
  'account.move': message<{ id: string; to: number }, { id: string; position: number }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ id, to: integer(0) }),
  }),
  'account.pin': message<{ id: string; pinned: boolean }, { id: string }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ id, pinned: boolean }),
  }),
  /** Sorts the accounts A–Z (issuer, then account), the pinned ones among themselves. */
  'accounts.sort': message<Empty, { sorted: number }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: empty,
  }),
  'hotp.next': message<{ id: string }, { code: string; counter: number }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: byId,
  }),
  'clipboard.copied': message<{ digest: string }, Empty>()({
    sender: 'extension-page',
    feature: 'core',
    guard: object({ digest: matching(/^[a-f0-9]{64}$/) }),
  }),
  /** What a decoded QR text (or pasted otpauth URI) would add: from the options page's "Add from image". */
  'enrol.preview': message<{ text: string }, EnrolPreview>()({
    sender: 'extension-page',
    feature: 'core',
    guard: qrText,
  }),
  /** Saves every account in a decoded text (no origin: not scanned from a page). */
  'enrol.save': message<{ text: string }, EnrolResult>()({
    sender: 'extension-page',
    feature: 'core',
    guard: qrText,
  }),
  /**
   * Stored settings Sekimori did not verifiably write (changed outside it, or kept from a version before their
   * tags) and therefore does not use; the defaults (or stricter stored choices) apply instead.
   */
  'settings.ignored': message<Empty, { ignored: IgnoredSetting[] }>()({
    sender: 'extension-page',
    feature: 'core',
    guard: empty,
  }),

  /** Finishes a scan that found the vault locked (kept in session storage); null when none is pending. */
  'enrol.pending': message<Empty, EnrolResult | null>()({
    sender: 'extension-page',
    feature: 'scan',
    guard: empty,
  }),
  /** Starts a scan on a tab: the given one (brought to the front), else the active tab. */
  'scan.start': message<{ tabId?: number }, { tabId: number }>()({
    sender: 'extension-page',
    feature: 'scan',
    guard: optionalTab,
  }),
  /** Scan content script: a screenshot of its own (visible) tab, as a PNG data URL. */
  'scan.capture': message<Empty, { dataUrl: string }>()({
    sender: 'scan-tab',
    feature: 'scan',
    guard: empty,
  }),
  /** Scan content script: the text of the QR code it found; the background validates and saves it. */
  'scan.decoded': message<{ text: string }, ScanOutcome>()({
    sender: 'scan-tab',
    feature: 'scan',
    guard: qrText,
  }),
  /** Scan content script: the user cancelled, or the result has been shown. */
  'scan.finished': message<Empty, Empty>()({ sender: 'scan-tab', feature: 'scan', guard: empty }),

  /** The popup's tab: the given one, else the active tab. */
  'tab.context': message<{ tabId?: number }, TabContext>()({
    sender: 'extension-page',
    feature: 'fill',
    guard: optionalTab,
  }),
  /** "Use on this site": adds a web origin to an account. */
  'account.bind': message<{ id: string; origin: string }, { id: string }>()({
    sender: 'extension-page',
    feature: 'fill',
    guard: object({ id, origin: webOrigin }),
  }),
  /** The account editor's list of sites, replaced whole. */
  'account.origins': message<{ id: string; origins: string[] }, { id: string }>()({
    sender: 'extension-page',
    feature: 'fill',
    guard: object({ id, origins: arrayOf(webOrigin, MAX_ORIGINS) }),
  }),
  /**
   * Fills the account's current code into the code field of the tab's document (pinned by `documentId`).
   * The user's explicit choices: fill on an origin the account is not bound to; fill an e-mail code page.
   */
  'fill.code': message<FillRequest, FillOutcome>()({
    sender: 'extension-page',
    feature: 'fill',
    guard: object({
      id,
      tabId,
      documentId,
      origin: webOrigin,
      frames: arrayOf(object({ documentId, origin: webOrigin }), MAX_FRAMES),
      allowOtherOrigin: boolean,
      allowEmailCode: boolean,
    }),
  }),

  /**
   * "Fill automatically on this site": on asks for the site (exact origin, already bound to the account; never
   * for HOTP, whose counter every page load would move); off withdraws it.
   */
  'account.autofill': message<{ id: string; origin: string; on: boolean }, { state: AutoFillState }>()({
    sender: 'extension-page',
    feature: 'auto-fill',
    guard: object({ id, origin: webOrigin, on: boolean }),
  }),
  /**
   * The automatic-fill content script, in a frame of a site the user granted: it found one confident, empty
   * code field. The background fills it (pinned to the sender's document) when exactly one unlocked account
   * asked for automatic fill on that exact origin.
   */
  'fill.auto': message<Empty, AutoFillOutcome>()({ sender: 'web-frame', feature: 'auto-fill', guard: empty }),

  /**
   * Exports accounts (all, or `ids`), after checking the vault password again. `sekimori-backup` needs
   * `backupPassword` and returns the file text; `otpauth-list` returns plain text (secrets in the clear);
   * `google-migration` returns one URI per QR code; `account-qr` one otpauth URI for the one id given.
   * Accounts Google transfer cannot carry (Steam, periods other than 30 s, 7 digits) are left out and listed.
   */
  'backup.export': message<
    { kind: ExportKind; password: string; backupPassword?: string; ids?: string[] },
    {
      text: string;
      uris: string[];
      count: number;
      /** Accounts a Google transfer cannot carry, and why. */
      leftOut: { label: string; reason: 'steam' | 'period' | 'digits' }[];
    }
  >()({
    sender: 'extension-page',
    feature: 'backup',
    guard: object(
      { kind: oneOf('sekimori-backup', 'otpauth-list', 'google-migration', 'account-qr'), password },
      { backupPassword: password, ids: arrayOf(id, MAX_IMPORT_ACCOUNTS) },
    ),
  }),
  /**
   * Reads a backup or another app's export (the file's text, or its bytes in Base64) in the background: the
   * format is detected, the password used only when the format needs one. Answers a preview without secrets
   * and a token for `import.commit` (valid 10 minutes).
   */
  'import.read': message<{ data: string; encoding: 'text' | 'base64'; password?: string }, ImportPreview>()({
    sender: 'extension-page',
    feature: 'backup',
    guard: object({ data: string(MAX_IMPORT_DATA), encoding: oneOf('text', 'base64') }, { password }),
  }),
  /** Adds the chosen accounts of a read file (indices into its preview), all or none, in one vault write. */
  'import.commit': message<{ token: string; selected: number[] }, { added: number; duplicates: number }>()({
    sender: 'extension-page',
    feature: 'backup',
    guard: object({
      token: matching(/^[A-Za-z0-9+/]{24}$/),
      selected: arrayOf(integer(0), MAX_IMPORT_ACCOUNTS),
    }),
  }),
  /** The backup state (also part of `codes.list`). */
  'backup.state': message<Empty, BackupState>()({
    sender: 'extension-page',
    feature: 'backup',
    guard: empty,
  }),
  /** "Not now" on the popup's backup reminder: hidden until more accounts are unbacked. */
  'backup.dismiss': message<Empty, BackupState>()({
    sender: 'extension-page',
    feature: 'backup',
    guard: empty,
  }),
  /** The organisation's policy as it applies now (for the settings: what is set by the organisation). */
  'policy.get': message<Empty, Policy>()({ sender: 'extension-page', feature: 'backup', guard: empty }),

  /** The clock check's last result and whether codes use it. */
  'clock.get': message<Empty, ClockState>()({ sender: 'extension-page', feature: 'clock', guard: empty }),
  /**
   * Measures this computer's clock against the web server the user names (its HTTP `Date`), a few times, keeping
   * the sample with the shortest round trip. Needs the user's grant of that origin (asked from the page first).
   * Errors: `clock-not-allowed` (no grant), `clock-unreachable`, `clock-no-date`.
   */
  'clock.check': message<{ server: string }, ClockState>()({
    sender: 'extension-page',
    feature: 'clock',
    guard: object({ server: webOrigin }),
  }),
  /** Codes use the measured offset (true) or the computer's clock as it is (false). */
  'clock.apply': message<{ apply: boolean }, ClockState>()({
    sender: 'extension-page',
    feature: 'clock',
    guard: object({ apply: boolean }),
  }),

  /** The lock settings in effect (defaults for anything not set). */
  'settings.get': message<Empty, LockSettings>()({
    sender: 'extension-page',
    feature: 'auto-lock',
    guard: empty,
  }),
  /** Changes some lock settings (omitted fields are kept); answers the settings now in effect. */
  'settings.set': message<Partial<LockSettings>, LockSettings>()({
    sender: 'extension-page',
    feature: 'auto-lock',
    guard: object(
      {},
      {
        idleLockMinutes: integer(
          LOCK_SETTING_LIMITS.idleLockMinutes.min,
          LOCK_SETTING_LIMITS.idleLockMinutes.max,
        ),
        maxUnlockedHours: integer(
          LOCK_SETTING_LIMITS.maxUnlockedHours.min,
          LOCK_SETTING_LIMITS.maxUnlockedHours.max,
        ),
        lockOnScreenLock: boolean,
      },
    ),
  }),
} satisfies Record<string, AnyDeclaration>;

type Declared = typeof MESSAGES;

/** Every declared message type. */
export const MESSAGE_TYPES = Object.keys(MESSAGES) as (keyof Declared)[];

/** Who may send each message (from its declaration). */
export const ALLOWED_SENDER = Object.fromEntries(
  MESSAGE_TYPES.map((type) => [type, MESSAGES[type].sender]),
) as { [K in keyof Declared]: Declared[K]['sender'] };
