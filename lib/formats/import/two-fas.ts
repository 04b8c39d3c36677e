/**
 * 2FAS backups (`.2fas`, JSON, schema 1–4). Plain: `services[]`. Encrypted: `servicesEncrypted` holds the services
 * array (two-fas-unlock.ts). Service: `{name, secret, otp: {label, account, issuer, digits, period, algorithm,
 * counter, tokenType}}`. The issuer is the service name (what 2FAS shows), else `otp.issuer`; the account is
 * `otp.account`, else the label without its `issuer:` prefix (schemas 2–3 write `issuer:account` labels, schema 4
 * the bare account). A missing tokenType is TOTP: schema 2 had no HOTP or Steam, and its HOTP-looking keys were
 * computed as TOTP. A missing HOTP counter is 0, as the other apps' importers assume.
 */
import { splitLabel } from '../../otp/otpauth-label';
import { FormatError } from '../format-error';
import { decodeUtf8 } from './bytes';
import { entryLabel, ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';
import { isJsonObject, own, parseJson, type JsonObject } from './json-value';
import { unlockTwoFas } from './two-fas-unlock';

const MAX_SCHEMA_VERSION = 4;

export function looksLikeTwoFas(json: JsonObject): boolean {
  return ['services', 'servicesEncrypted', 'reference'].some((key) => Object.hasOwn(json, key));
}

/** Plain or encrypted; 'unsupported-version' beyond schema 4, 'corrupt-backup' for a bad shape. */
export function twoFasVariant(backup: JsonObject): '2fas' | '2fas-encrypted' {
  const schema = own(backup, 'schemaVersion');
  if (schema !== undefined) {
    if (typeof schema !== 'number' || !Number.isSafeInteger(schema) || schema < 1) {
      throw new FormatError('corrupt-backup');
    }
    if (schema > MAX_SCHEMA_VERSION) throw new FormatError('unsupported-version');
  }
  const encrypted = own(backup, 'servicesEncrypted');
  if (typeof encrypted === 'string' && encrypted !== '') return '2fas-encrypted';
  // `reference` exists only in encrypted backups: without their services block the file is damaged.
  if (Array.isArray(own(backup, 'services')) && !Object.hasOwn(backup, 'reference')) return '2fas';
  throw new FormatError('corrupt-backup');
}

export function readTwoFasPlain(backup: JsonObject): ImportRead {
  return readServices(own(backup, 'services'), '2fas');
}

export async function readTwoFasEncrypted(backup: JsonObject, password: string): Promise<ImportRead> {
  const text = decodeUtf8(await unlockTwoFas(backup, password));
  const services = text === null ? undefined : parseJson(text);
  return readServices(services, '2fas-encrypted');
}

function readServices(services: unknown, format: '2fas' | '2fas-encrypted'): ImportRead {
  if (!Array.isArray(services)) throw new FormatError('corrupt-backup');
  const collector = new ImportCollector();
  for (const service of services) {
    if (!isJsonObject(service)) {
      collector.skip('invalid', '');
      continue;
    }
    const otp = own(service, 'otp');
    const fields: JsonObject = isJsonObject(otp) ? otp : {};
    const issuer = nonEmptyString(own(service, 'name')) ?? own(fields, 'issuer') ?? '';
    const account = nonEmptyString(own(fields, 'account')) ?? accountFromLabel(own(fields, 'label'), issuer);
    collector.add(
      {
        type: own(fields, 'tokenType') ?? 'TOTP',
        secret: own(service, 'secret'),
        issuer,
        account,
        algorithm: own(fields, 'algorithm'),
        digits: own(fields, 'digits'),
        period: own(fields, 'period'),
        counter: own(fields, 'counter'),
      },
      entryLabel(issuer, account),
    );
  }
  return collector.finish(format);
}

function accountFromLabel(label: unknown, issuer: unknown): unknown {
  if (label === undefined || label === null) return '';
  if (typeof label !== 'string') return label;
  return splitLabel(label, typeof issuer === 'string' ? issuer : undefined).account;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
