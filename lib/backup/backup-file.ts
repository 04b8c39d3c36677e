/**
 * The backup file as text: a JSON object whose members are, in this order, the header (format, version,
 * createdAt, accountCount, kdf, cipher), the Base64 `ciphertext` and a SHA-256 `checksum` of everything before it.
 * Written pretty-printed; read with any JSON whitespace. See docs/backup-format.md.
 */
import { decodeCanonicalBase64 as decodeBase64 } from './canonical-base64';
import { utf8Encode } from '../vault/utf8';
import { isTimestamp } from './backup-account';
import { sha256Hex } from './backup-checksum';
import {
  BACKUP_CIPHER,
  BACKUP_FORMAT,
  BACKUP_KDF,
  BACKUP_MAX_ITERATIONS,
  BACKUP_MIN_ITERATIONS,
  BACKUP_NONCE_BYTES,
  BACKUP_SALT_BYTES,
  BACKUP_TAG_BYTES,
  BACKUP_VERSION,
  MAX_BACKUP_ACCOUNTS,
  MAX_BACKUP_TEXT_LENGTH,
  MAX_SALT_BYTES,
} from './backup-constants';
import { BackupError } from './backup-error';
import { isSekimoriBackup } from './is-sekimori-backup';

/** Everything outside the ciphertext: nothing secret, no names. All of it is the AES-GCM AAD. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When the backup was written, ms since the epoch (UTC). */
  createdAt: number;
  /** How many accounts the ciphertext holds (checked after decryption). */
  accountCount: number;
  kdf: { name: typeof BACKUP_KDF; iterations: number; salt: string };
  cipher: { name: typeof BACKUP_CIPHER; nonce: string };
}

/** A file that passed every check that needs no password. */
export interface ParsedBackup {
  header: BackupHeader;
  salt: Uint8Array<ArrayBuffer>;
  nonce: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
  aad: Uint8Array<ArrayBuffer>;
}

type JsonObject = Record<string, unknown>;

const FILE_MEMBERS = [
  'format',
  'version',
  'createdAt',
  'accountCount',
  'kdf',
  'cipher',
  'ciphertext',
  'checksum',
];
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** A current-version header, members in their fixed order. */
export function buildHeader(parts: {
  createdAt: number;
  accountCount: number;
  iterations: number;
  salt: string;
  nonce: string;
}): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: parts.createdAt,
    accountCount: parts.accountCount,
    kdf: { name: BACKUP_KDF, iterations: parts.iterations, salt: parts.salt },
    cipher: { name: BACKUP_CIPHER, nonce: parts.nonce },
  };
}

/** The AAD: UTF-8 of the header as compact JSON, members in their fixed order. */
export function backupAad(header: BackupHeader): Uint8Array<ArrayBuffer> {
  return utf8Encode(JSON.stringify(header));
}

/** The file text: header, ciphertext, checksum; two-space indentation and a final newline. */
export async function writeBackupFile(header: BackupHeader, ciphertext: string): Promise<string> {
  const body = { ...header, ciphertext };
  const checksum = await sha256Hex(JSON.stringify(body));
  return `${JSON.stringify({ ...body, checksum }, null, 2)}\n`;
}

const fail = (code: 'corrupt-backup' | 'unsupported-version' | 'weak-backup-parameters'): BackupError =>
  new BackupError(code);

/**
 * Checks a file without the password, cheapest checks first: size, JSON, format, checksum (any accidental damage
 * is 'corrupt-backup' here, in microseconds, never mistaken for a wrong password), version, members, then the
 * KDF and cipher parameters against the floor and the ceiling. Throws BackupError only.
 */
export async function parseBackupFile(text: unknown): Promise<ParsedBackup> {
  const file = await readCheckedFile(text);
  const kdf = asObject(file.kdf);
  const cipher = asObject(file.cipher);
  if (typeof kdf.name !== 'string' || typeof cipher.name !== 'string') throw fail('corrupt-backup');
  if (kdf.name !== BACKUP_KDF || cipher.name !== BACKUP_CIPHER) throw fail('unsupported-version');
  requireMembers(kdf, ['name', 'iterations', 'salt']);
  requireMembers(cipher, ['name', 'nonce']);
  const { iterations, salt } = readKdfParams(kdf);
  const nonce = readBytes(cipher.nonce);
  const ciphertext = readBytes(file.ciphertext);
  if (nonce.length !== BACKUP_NONCE_BYTES || ciphertext.length < BACKUP_TAG_BYTES) {
    throw fail('corrupt-backup');
  }
  const { createdAt, accountCount } = file;
  if (!isTimestamp(createdAt) || !isCount(accountCount)) throw fail('corrupt-backup');
  const header = buildHeader({
    createdAt,
    accountCount,
    iterations,
    salt: kdf.salt as string,
    nonce: cipher.nonce as string,
  });
  return { header, salt, nonce, ciphertext, aad: backupAad(header) };
}

/** Size, JSON, format, checksum, version 1 and exactly the version-1 members, in order. */
async function readCheckedFile(text: unknown): Promise<JsonObject> {
  if (typeof text !== 'string') throw new BackupError('not-a-backup');
  if (text.length > MAX_BACKUP_TEXT_LENGTH) throw new BackupError('too-large');
  const file = parseFileObject(text);
  const { checksum, ...body } = file;
  if (typeof checksum !== 'string' || !HEX_SHA256.test(checksum)) throw fail('corrupt-backup');
  if ((await sha256Hex(JSON.stringify(body))) !== checksum) throw fail('corrupt-backup');
  const version = file.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw fail('corrupt-backup');
  }
  if (version > BACKUP_VERSION) throw fail('unsupported-version');
  requireMembers(file, FILE_MEMBERS);
  return file;
}

/** The floor first ('weak-backup-parameters'), then the ceiling ('unsupported-version'): before any KDF work. */
function readKdfParams(kdf: JsonObject): { iterations: number; salt: Uint8Array<ArrayBuffer> } {
  const iterations = kdf.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) {
    throw fail('corrupt-backup');
  }
  if (iterations < BACKUP_MIN_ITERATIONS) throw fail('weak-backup-parameters');
  if (iterations > BACKUP_MAX_ITERATIONS) throw fail('unsupported-version');
  const salt = readBytes(kdf.salt);
  if (salt.length < BACKUP_SALT_BYTES) throw fail('weak-backup-parameters');
  if (salt.length > MAX_SALT_BYTES) throw fail('corrupt-backup');
  return { iterations, salt };
}

/** JSON object with `format` = sekimori-backup; otherwise 'corrupt-backup' if it starts like one, or 'not-a-backup'. */
function parseFileObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    throw new BackupError(isSekimoriBackup(text) ? 'corrupt-backup' : 'not-a-backup');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BackupError('not-a-backup');
  const file = value as JsonObject;
  if (file.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup');
  return file;
}

function asObject(value: unknown): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('corrupt-backup');
  return value as JsonObject;
}

/** Exactly these members, in this order (so the AAD rebuilt from them is the header as stored). */
function requireMembers(object: JsonObject, names: readonly string[]): void {
  if (JSON.stringify(Object.keys(object)) !== JSON.stringify(names)) throw fail('corrupt-backup');
}

function readBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null;
  if (bytes === null) throw fail('corrupt-backup');
  return bytes;
}

function isCount(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_BACKUP_ACCOUNTS
  );
}
