/**
 * Shape checks for every request the background accepts. Anything from another context is untrusted
 * (a compromised renderer can send any message a content script can), so each payload is checked field by
 * field; unknown keys, prototype tricks and oversized strings are refused.
 */
import { isWebOrigin } from '../web-origin';
import type { AccountDraft, Message, MessageType } from '../messages';
import { LOCK_SETTING_LIMITS, MESSAGE_TYPES } from '../messages';

const MAX_PASSWORD = 1024;
const MAX_LABEL = 1024;
const MAX_SECRET = 4096;
/** Longest decoded QR text accepted (a version-40 QR code holds at most 4296 characters). */
export const MAX_QR_TEXT = 8192;
const TYPES = new Set(['totp', 'hotp', 'steam']);
const ALGORITHMS = new Set(['SHA1', 'SHA256', 'SHA512']);

type Check = (payload: Record<string, unknown>) => boolean;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(obj).every((k) => allowed.includes(k));
}

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const optNum = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v));
const id = (v: unknown): boolean => typeof v === 'string' && /^[a-f0-9]{8,64}$/.test(v);

const DRAFT_KEYS = [
  'type',
  'issuer',
  'account',
  'secret',
  'algorithm',
  'digits',
  'period',
  'counter',
] as const;

function isDraft(v: unknown, partial: boolean): v is AccountDraft {
  if (!isPlainObject(v) || !onlyKeys(v, DRAFT_KEYS)) return false;
  const need = (k: string, ok: boolean) => (v[k] === undefined ? partial : ok);
  return (
    need('issuer', str(v.issuer, MAX_LABEL)) &&
    need('account', str(v.account, MAX_LABEL)) &&
    need('secret', str(v.secret, MAX_SECRET)) &&
    (v.type === undefined || TYPES.has(v.type as string)) &&
    (v.algorithm === undefined || ALGORITHMS.has(v.algorithm as string)) &&
    optNum(v.digits) &&
    optNum(v.period) &&
    optNum(v.counter)
  );
}

const empty: Check = (p) => Object.keys(p).length === 0;
const password: Check = (p) => onlyKeys(p, ['password']) && str(p.password, MAX_PASSWORD);
const byId: Check = (p) => onlyKeys(p, ['id']) && id(p.id);
const tabId = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/**
 * Chromium's document ids (hex), Firefox's (a UUID, in the versions that report one), or where the browser has none
 * (older Firefox) the stand-in the fill platform makes: `f<frameId>-<random hex>`, a token kept in that
 * document's isolated world.
 */
const documentId = (v: unknown): boolean =>
  typeof v === 'string' &&
  /^(?:[0-9A-F]{16,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|f\d{1,10}-[0-9a-f]{32})$/i.test(
    v,
  );
const EXPORT_KINDS = ['sekimori-backup', 'otpauth-list', 'google-migration', 'account-qr'];
/** A file to import, as text or Base64: 20 MB of file at most (Base64 makes 4 characters of 3 bytes). */
const MAX_IMPORT_DATA = 28_000_000;
/** Accounts in one import, at most (the backup format's own limit). */
const MAX_IMPORT_ACCOUNTS = 10_000;
/** Cross-origin frames considered for a fill, at most. */
const MAX_FRAMES = 16;
/** Sites an account may be used on, at most. */
export const MAX_ORIGINS = 32;
/** An integer in `limits` (both ends included), or absent. */
const optIntIn = (v: unknown, limits: { min: number; max: number }): boolean =>
  v === undefined || (Number.isSafeInteger(v) && (v as number) >= limits.min && (v as number) <= limits.max);
const lockSettings: Check = (p) =>
  onlyKeys(p, ['idleLockMinutes', 'maxUnlockedHours', 'lockOnScreenLock']) &&
  optIntIn(p.idleLockMinutes, LOCK_SETTING_LIMITS.idleLockMinutes) &&
  optIntIn(p.maxUnlockedHours, LOCK_SETTING_LIMITS.maxUnlockedHours) &&
  (p.lockOnScreenLock === undefined || typeof p.lockOnScreenLock === 'boolean');
const qrText: Check = (p) =>
  onlyKeys(p, ['text']) && str(p.text, MAX_QR_TEXT) && (p.text as string).length > 0;

const CHECKS: Record<MessageType, Check> = {
  'vault.status': empty,
  'vault.create': password,
  'vault.unlock': password,
  'vault.lock': empty,
  'vault.restore-copy': (p) =>
    onlyKeys(p, ['revision']) &&
    typeof p.revision === 'number' &&
    Number.isSafeInteger(p.revision) &&
    p.revision >= 0,
  'codes.list': empty,
  'account.preview': (p) => onlyKeys(p, ['draft']) && isDraft(p.draft, false),
  'account.add': (p) => onlyKeys(p, ['draft']) && isDraft(p.draft, false),
  'account.update': (p) => onlyKeys(p, ['id', 'patch']) && id(p.id) && isDraft(p.patch, true),
  'account.delete': byId,
  'account.restore': byId,
  'hotp.next': byId,
  'clipboard.copied': (p) =>
    onlyKeys(p, ['digest']) && typeof p.digest === 'string' && /^[a-f0-9]{64}$/.test(p.digest),
  'enrol.preview': qrText,
  'enrol.save': qrText,
  'enrol.pending': empty,
  'scan.start': (p) => onlyKeys(p, ['tabId']) && (p.tabId === undefined || tabId(p.tabId)),
  'tab.context': (p) => onlyKeys(p, ['tabId']) && (p.tabId === undefined || tabId(p.tabId)),
  'account.bind': (p) => onlyKeys(p, ['id', 'origin']) && id(p.id) && isWebOrigin(p.origin),
  'account.origins': (p) =>
    onlyKeys(p, ['id', 'origins']) &&
    id(p.id) &&
    Array.isArray(p.origins) &&
    p.origins.length <= MAX_ORIGINS &&
    p.origins.every(isWebOrigin),
  'fill.code': (p) =>
    onlyKeys(p, ['id', 'tabId', 'documentId', 'origin', 'frames', 'allowOtherOrigin', 'allowEmailCode']) &&
    id(p.id) &&
    tabId(p.tabId) &&
    documentId(p.documentId) &&
    Array.isArray(p.frames) &&
    p.frames.length <= MAX_FRAMES &&
    p.frames.every(
      (f) =>
        isPlainObject(f) &&
        onlyKeys(f, ['documentId', 'origin']) &&
        documentId(f.documentId) &&
        isWebOrigin(f.origin),
    ) &&
    isWebOrigin(p.origin) &&
    typeof p.allowOtherOrigin === 'boolean' &&
    typeof p.allowEmailCode === 'boolean',
  'account.autofill': (p) =>
    onlyKeys(p, ['id', 'origin', 'on']) && id(p.id) && isWebOrigin(p.origin) && typeof p.on === 'boolean',
  'fill.auto': empty,
  'backup.export': (p) =>
    onlyKeys(p, ['kind', 'password', 'backupPassword', 'ids']) &&
    EXPORT_KINDS.includes(p.kind as string) &&
    str(p.password, MAX_PASSWORD) &&
    (p.backupPassword === undefined || str(p.backupPassword, MAX_PASSWORD)) &&
    (p.ids === undefined || (Array.isArray(p.ids) && p.ids.length <= MAX_IMPORT_ACCOUNTS && p.ids.every(id))),
  'import.read': (p) =>
    onlyKeys(p, ['data', 'encoding', 'password']) &&
    str(p.data, MAX_IMPORT_DATA) &&
    (p.encoding === 'text' || p.encoding === 'base64') &&
    (p.password === undefined || str(p.password, MAX_PASSWORD)),
  'import.commit': (p) =>
    onlyKeys(p, ['token', 'selected']) &&
    typeof p.token === 'string' &&
    /^[A-Za-z0-9+/]{24}$/.test(p.token) &&
    Array.isArray(p.selected) &&
    p.selected.length <= MAX_IMPORT_ACCOUNTS &&
    p.selected.every((i) => typeof i === 'number' && Number.isSafeInteger(i) && i >= 0),
  'backup.state': empty,
  'backup.dismiss': empty,
  'policy.get': empty,
  'clock.get': empty,
  'clock.check': (p) => onlyKeys(p, ['server']) && isWebOrigin(p.server),
  'clock.apply': (p) => onlyKeys(p, ['apply']) && typeof p.apply === 'boolean',
  'scan.capture': empty,
  'scan.decoded': qrText,
  'scan.finished': empty,
  'settings.get': empty,
  'settings.set': lockSettings,
  'settings.ignored': empty,
  'vault.change-password': (p) =>
    onlyKeys(p, ['current', 'next']) && str(p.current, MAX_PASSWORD) && str(p.next, MAX_PASSWORD),
};

/** Returns the message typed when its shape is exactly right, otherwise null. */
export function validateMessage(raw: unknown): Message | null {
  if (!isPlainObject(raw) || !onlyKeys(raw, ['type', 'payload'])) return null;
  const { type, payload } = raw;
  if (typeof type !== 'string' || !(MESSAGE_TYPES as string[]).includes(type)) return null;
  if (!isPlainObject(payload)) return null;
  if (!CHECKS[type as MessageType](payload)) return null;
  return { type: type as MessageType, payload } as Message;
}
