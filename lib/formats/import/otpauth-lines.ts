/**
 * Text exports of one URI per line: otpauth lists (Ente Auth, Aegis, the "Authenticator" extension's text backup)
 * and Google Authenticator transfer lines, mixed freely. Blank lines are dropped before this module; a line that is
 * neither kind of URI, or an otpauth URI that does not validate, is listed in `skipped`.
 */
import { parseOtpauthUri } from '../../otp/parse-otpauth-uri';
import { ImportCollector } from './import-collector';
import type { ImportFormat, ImportRead } from './import-types';
import { readMigrationLine } from './migration-lines';

const OTPAUTH = /^otpauth:\/\//iu;
const MIGRATION = /^otpauth-migration:/iu;
/** Enough of a label to show; the rest of an oversized one is not decoded. */
const MAX_LABEL_INPUT = 1024;

export function isOtpauthLine(line: string): boolean {
  return OTPAUTH.test(line);
}

export function isMigrationLine(line: string): boolean {
  return MIGRATION.test(line);
}

/** Reads trimmed, non-empty lines. */
export function readUriLines(lines: readonly string[], format: ImportFormat): ImportRead {
  const collector = new ImportCollector();
  for (const line of lines) {
    if (isMigrationLine(line)) readMigrationLine(line, collector);
    else if (isOtpauthLine(line))
      collector.addParsed(
        () => parseOtpauthUri(line),
        () => uriLabel(line),
      );
    else collector.skip('invalid', '');
  }
  return collector.finish(format);
}

/** The percent-decoded label of an otpauth URI (the path only: the query, which holds the secret, is never read). */
function uriLabel(uri: string): string {
  const path = uri.slice('otpauth://'.length).split(/[?#]/u, 1)[0] ?? '';
  const slash = path.indexOf('/');
  const label = slash < 0 ? '' : path.slice(slash + 1, slash + 1 + MAX_LABEL_INPUT);
  try {
    return decodeURIComponent(label);
  } catch {
    return label;
  }
}
