/**
 * Aegis vault exports: `{version: 1, header: {slots, params}, db}`. Plain: `db` is the content object. Encrypted:
 * `db` is Base64 AES-256-GCM ciphertext, opened with a master key from a password slot (aegis-unlock.ts).
 * Content `{version: 1–3, entries}`; entry `{type, name (account), issuer, info: {secret, algo, digits, period |
 * counter}}`. totp/hotp/steam are imported; motp, yandex and other types are skipped as 'unsupported-otp'.
 */
import { FormatError } from '../format-error';
import { checkAegisKdfBudget, unlockAegis } from './aegis-unlock';
import { decodeUtf8 } from './bytes';
import { entryLabel, ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';
import { isJsonObject, nameField, own, ownObject, parseJson, type JsonObject } from './json-value';

const VAULT_VERSION = 1;
const MAX_CONTENT_VERSION = 3;

/** Whether a JSON object is shaped like an Aegis vault (any version): two of its three keys (one may be damaged). */
export function looksLikeAegis(json: JsonObject): boolean {
  return ['version', 'header', 'db'].filter((key) => Object.hasOwn(json, key)).length >= 2;
}

/**
 * Plain or encrypted; throws 'unsupported-version' for another vault version, 'corrupt-backup' for a bad shape, and
 * 'kdf-too-costly' for encrypted slots costing more than KDF_BUDGET together (so that is said before a password is
 * asked for).
 */
export function aegisVariant(vault: JsonObject): 'aegis' | 'aegis-encrypted' {
  checkVersion(own(vault, 'version'), VAULT_VERSION);
  const db = own(vault, 'db');
  if (typeof db === 'string') {
    checkAegisKdfBudget(ownObject(vault, 'header'));
    return 'aegis-encrypted';
  }
  if (isJsonObject(db)) return 'aegis';
  throw new FormatError('corrupt-backup');
}

export function readAegisPlain(vault: JsonObject): ImportRead {
  return readContent(own(vault, 'db'), 'aegis');
}

export async function readAegisEncrypted(vault: JsonObject, password: string): Promise<ImportRead> {
  const header = ownObject(vault, 'header');
  const db = own(vault, 'db');
  if (header === undefined || typeof db !== 'string') throw new FormatError('corrupt-backup');
  const plain = await unlockAegis(header, db, password);
  const text = decodeUtf8(plain);
  const content = text === null ? undefined : parseJson(text);
  if (content === undefined) throw new FormatError('corrupt-backup');
  return readContent(content, 'aegis-encrypted');
}

function readContent(content: unknown, format: 'aegis' | 'aegis-encrypted'): ImportRead {
  if (!isJsonObject(content)) throw new FormatError('corrupt-backup');
  checkVersion(own(content, 'version'), MAX_CONTENT_VERSION);
  const entries = own(content, 'entries');
  if (!Array.isArray(entries)) throw new FormatError('corrupt-backup');
  const collector = new ImportCollector();
  for (const entry of entries) {
    if (!isJsonObject(entry)) {
      collector.skip('invalid', '');
      continue;
    }
    const info = ownObject(entry, 'info') ?? {};
    collector.add(
      {
        type: own(entry, 'type'),
        secret: own(info, 'secret'),
        issuer: nameField(entry, 'issuer'),
        account: nameField(entry, 'name'),
        algorithm: own(info, 'algo'),
        digits: own(info, 'digits'),
        period: own(info, 'period'),
        counter: own(info, 'counter'),
      },
      entryLabel(own(entry, 'issuer'), own(entry, 'name')),
    );
  }
  return collector.finish(format);
}

/** A whole number from 1 to `max`; a larger one is a future version, anything else damage. */
function checkVersion(version: unknown, max: number): void {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new FormatError('corrupt-backup');
  }
  if (version > max) throw new FormatError('unsupported-version');
}
