/**
 * Google Authenticator transfer lines (`otpauth-migration://offline?data=…`) inside an import, read with
 * parseMigrationUri. Batches are merged in the order given. A line that does not decode is 'corrupt-backup' for the
 * whole import (a transfer export is all or nothing); entries parseMigrationUri leaves out are listed in `skipped`
 * with their names, an empty batch adds nothing.
 */
import { encodeBase32 } from '../../otp/base32';
import { FormatError } from '../format-error';
import { parseMigrationUri, type MigrationImport } from '../google-migration';
import { decodeMigrationPayload, type MigrationPayload, type OtpParameters } from '../migration-payload';
import { decodeMigrationUri } from '../migration-uri';
import { ProtobufError } from '../protobuf-error';
import { entryLabel, type ImportCollector } from './import-collector';

/** Enum values parseMigrationUri can compute (see google-migration.ts); anything else is 'unsupported-otp'. */
const KNOWN_ALGORITHMS = new Set([0n, 1n, 2n, 3n]);
const KNOWN_DIGITS = new Set([0n, 1n, 2n]);
const KNOWN_TYPES = new Set([0n, 1n, 2n]);

export function readMigrationLine(line: string, collector: ImportCollector): void {
  const payload = decodePayload(line);
  let result: MigrationImport;
  try {
    result = parseMigrationUri(line);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    if (error.code === 'empty-migration') return;
    if (error.code === 'malformed-migration' && !hasValidBatch(payload))
      throw new FormatError('corrupt-backup');
    if (error.code !== 'malformed-migration' && error.code !== 'unsupported-otp') throw error;
    result = { accounts: [], batch: { size: 1, index: 0, id: 0 }, skipped: payload.otpParameters.length };
  }
  // parseMigrationUri keeps the entries' order and names them as below: walk both lists to name the ones it left out.
  let next = 0;
  for (const params of payload.otpParameters) {
    const account = result.accounts[next];
    const issuer = params.issuer.trim();
    const name =
      issuer !== '' && params.name.startsWith(`${issuer}:`)
        ? params.name.slice(issuer.length + 1)
        : params.name;
    if (
      account !== undefined &&
      account.secret === encodeBase32(params.secret) &&
      account.issuer === issuer &&
      account.account === name.trim()
    ) {
      collector.addAccount(account);
      next++;
    } else {
      collector.skip(isKnownKind(params) ? 'invalid' : 'unsupported-otp', entryLabel(issuer, name));
    }
  }
}

function decodePayload(line: string): MigrationPayload {
  try {
    return decodeMigrationPayload(decodeMigrationUri(line));
  } catch (error) {
    if (error instanceof FormatError || error instanceof ProtobufError)
      throw new FormatError('corrupt-backup');
    throw error;
  }
}

function hasValidBatch({ batchSize = 1, batchIndex = 0 }: MigrationPayload): boolean {
  return batchSize >= 1 && batchIndex >= 0 && batchIndex < batchSize;
}

function isKnownKind(params: OtpParameters): boolean {
  return (
    KNOWN_ALGORITHMS.has(params.algorithm) && KNOWN_DIGITS.has(params.digits) && KNOWN_TYPES.has(params.type)
  );
}
