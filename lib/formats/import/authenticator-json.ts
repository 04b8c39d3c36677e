/**
 * The "Authenticator" browser extension's JSON backup: an object keyed by entry hash, each value `{account, issuer,
 * secret, type, counter, period, digits, algorithm, index}` with defaults omitted (totp, SHA1, 6 digits, 30 s).
 * `algorithm` is a name (`SHA256`) or the extension's enum number (1 SHA1, 2 SHA256, 3 SHA512, 4–5 GOST). Secrets
 * prefixed `stm-` are Steam, `blz-`/`bliz-` Battle.net; types battle, hex and hhex, GOST and hex secrets are
 * skipped as 'unsupported-otp'. Entries are returned in the extension's `index` order.
 * Encrypted backups (a `key` object, `Key` records, `EncOTPStorage` entries or `encrypted: true` secrets) use a
 * legacy scheme without integrity protection and are refused whole as 'unsupported-version'.
 */
import { normalizeSecret } from '../../otp/base32';
import { OtpError } from '../../otp/errors';
import { FormatError } from '../format-error';
import { entryLabel, ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';
import { isJsonObject, nameField, own, type JsonObject } from './json-value';

/** Keys of the extension's own records that are not entries. */
const NOT_ENTRIES = new Set(['UserSettings', 'LocalStorage']);
const ALGORITHM_NUMBERS: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
  ['1', 'SHA1'],
  ['2', 'SHA256'],
  ['3', 'SHA512'],
]);
const UNSUPPORTED_TYPES = new Set(['battle', 'hex', 'hhex']);

/** Whether a JSON object is shaped like this backup: some value is an entry or an encryption record. */
export function looksLikeAuthenticatorJson(json: JsonObject): boolean {
  return Object.values(json).some(
    (value) => isJsonObject(value) && (isEntry(value) || isEncryptionRecord(value)),
  );
}

/** Throws 'unsupported-version' for an encrypted backup. */
export function checkAuthenticatorJson(json: JsonObject): void {
  for (const [key, value] of Object.entries(json)) {
    if (!isJsonObject(value)) continue;
    if ((key === 'key' && isOldKey(value)) || isEncryptionRecord(value) || own(value, 'encrypted') === true) {
      throw new FormatError('unsupported-version');
    }
  }
}

export function readAuthenticatorJson(json: JsonObject): ImportRead {
  checkAuthenticatorJson(json);
  const entries = Object.entries(json)
    .filter(([key, value]) => !NOT_ENTRIES.has(key) && isJsonObject(value) && isEntry(value))
    .map(([, value]) => value as JsonObject)
    .map((entry) => ({ entry, order: orderOf(own(entry, 'index')) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const collector = new ImportCollector();
  for (const { entry } of entries) addEntry(collector, entry);
  return collector.finish('authenticator-json');
}

function addEntry(collector: ImportCollector, entry: JsonObject): void {
  const issuer = nameField(entry, 'issuer');
  const account = nameField(entry, 'account');
  const label = entryLabel(issuer, account);
  const rawType = own(entry, 'type') ?? 'totp';
  let type: unknown = typeof rawType === 'string' ? rawType.toLowerCase() : rawType;
  let secret = own(entry, 'secret');
  if (typeof secret === 'string' && /^(blz-|bliz-)/u.test(secret)) type = 'battle';
  if (typeof secret === 'string' && secret.startsWith('stm-')) [type, secret] = ['steam', secret.slice(4)];
  const rawAlgorithm = own(entry, 'algorithm');
  const algorithm = ALGORITHM_NUMBERS.get(rawAlgorithm) ?? rawAlgorithm;
  if ((typeof type === 'string' && UNSUPPORTED_TYPES.has(type)) || isHexOnly(secret) || isGost(algorithm)) {
    collector.skip('unsupported-otp', label);
    return;
  }
  collector.add(
    {
      type,
      secret,
      issuer,
      account,
      algorithm,
      digits: own(entry, 'digits'),
      period: own(entry, 'period'),
      counter: own(entry, 'counter'),
    },
    label,
  );
}

function isEntry(value: JsonObject): boolean {
  return Object.hasOwn(value, 'secret');
}

function isEncryptionRecord(value: JsonObject): boolean {
  const dataType = own(value, 'dataType');
  return dataType === 'Key' || dataType === 'EncOTPStorage' || isOldKey(value);
}

function isOldKey(value: JsonObject): boolean {
  return typeof own(value, 'enc') === 'string' && typeof own(value, 'hash') === 'string';
}

/** The extension's rule: a secret that is not Base32 but is hex is a hex key. */
function isHexOnly(secret: unknown): boolean {
  if (typeof secret !== 'string' || !/^[0-9a-f]+$/iu.test(secret)) return false;
  try {
    normalizeSecret(secret);
    return false;
  } catch (error) {
    if (error instanceof OtpError) return true;
    throw error;
  }
}

function isGost(algorithm: unknown): boolean {
  return (
    algorithm === 4 || algorithm === 5 || (typeof algorithm === 'string' && /^(4|5|GOST)/iu.test(algorithm))
  );
}

/** The extension's position; entries without one keep their file order after the others (the sort is stable). */
function orderOf(index: unknown): number {
  return typeof index === 'number' && Number.isFinite(index) ? index : Number.MAX_VALUE;
}
