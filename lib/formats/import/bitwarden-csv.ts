/**
 * Bitwarden's CSV export (RFC 4180, header row `folder,favorite,type,name,notes,fields,reprompt,login_uri,
 * login_username,login_password,login_totp`). Columns are found by name; rows without a `login_totp` value are
 * passed over. A quoting error anywhere is 'corrupt-backup'.
 */
import { FormatError } from '../format-error';
import { addBitwardenTotp } from './bitwarden-totp';
import { parseCsv } from './csv';
import { ImportCollector } from './import-collector';
import type { ImportRead } from './import-types';

const TOTP_COLUMN = 'login_totp';

/** Whether the first line of a text is a CSV header with a `login_totp` column. */
export function looksLikeBitwardenCsv(firstLine: string): boolean {
  return firstLine.split(',').some((column) => column.trim().replace(/^"|"$/gu, '') === TOTP_COLUMN);
}

export function readBitwardenCsv(text: string): ImportRead {
  const records = parseCsv(text);
  if (records === null) throw new FormatError('corrupt-backup');
  const [header, ...rows] = records;
  const columns = (header ?? []).map((column) => column.trim());
  const totpColumn = columns.indexOf(TOTP_COLUMN);
  if (totpColumn < 0) throw new FormatError('corrupt-backup');
  const nameColumn = columns.indexOf('name');
  const usernameColumn = columns.indexOf('login_username');
  const collector = new ImportCollector();
  for (const row of rows) {
    const totp = row[totpColumn] ?? '';
    if (totp.trim() === '') continue;
    addBitwardenTotp(collector, totp, row[nameColumn] ?? '', row[usernameColumn] ?? '');
  }
  return collector.finish('bitwarden-csv');
}
