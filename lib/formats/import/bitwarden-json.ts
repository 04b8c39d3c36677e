/**
 * Bitwarden's unencrypted JSON export: `{encrypted: false, folders, items}`; an item's `login.totp` holds the key
 * (bitwarden-totp.ts), `name` is the display name, `login.username` the account. Items without a TOTP field
 * (other logins, notes, cards) are not entries and are passed over. Encrypted exports (`encrypted: true`, account-
 * or password-protected) use Bitwarden's own KDF and AES-CBC + HMAC scheme and are 'unsupported-version'.
 */
import { FormatError } from '../format-error';
import { addBitwardenTotp } from './bitwarden-totp';
import { ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';
import { isJsonObject, nameField, own, ownObject, type JsonObject } from './json-value';

export function looksLikeBitwarden(json: JsonObject): boolean {
  return Object.hasOwn(json, 'items') || typeof own(json, 'encrypted') === 'boolean';
}

/** Throws 'unsupported-version' for an encrypted export, 'corrupt-backup' without an items list. */
export function checkBitwarden(json: JsonObject): void {
  if (own(json, 'encrypted') === true || Object.hasOwn(json, 'passwordProtected')) {
    throw new FormatError('unsupported-version');
  }
  if (!Array.isArray(own(json, 'items'))) throw new FormatError('corrupt-backup');
}

export function readBitwardenJson(json: JsonObject): ImportRead {
  checkBitwarden(json);
  const items = own(json, 'items') as readonly unknown[];
  const collector = new ImportCollector();
  for (const item of items) {
    if (!isJsonObject(item)) continue;
    const login = ownObject(item, 'login');
    const totp = login === undefined ? undefined : own(login, 'totp');
    if (totp === undefined || totp === null || totp === '') continue;
    if (typeof totp !== 'string') {
      collector.skip('invalid', '');
      continue;
    }
    addBitwardenTotp(
      collector,
      totp,
      nameField(item, 'name'),
      login === undefined ? '' : nameField(login, 'username'),
    );
  }
  return collector.finish('bitwarden-json');
}
