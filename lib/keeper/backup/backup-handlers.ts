/**
 * Backups and imports, in the background: the vault's accounts leave only after the vault password is checked
 * again, and files are read here (formats detected, passwords used only where needed) so extension pages never
 * handle parsed secrets. An import is previewed first and committed all or nothing, in one vault write.
 */
import type { BackupAccount } from '../../backup';
import { decodeBase64Strict, encodeBase64 } from '../../encoding/base64';
import { isWebOrigin } from '../../web-origin';
import { exportAccounts } from '../../formats/export-accounts';
import { formatMigrationUris, migrationProblem } from '../../formats/google-migration';
import { readAnyImport } from '../../formats/import-any';
import type { BackupState, ImportedAccount, ImportPreview } from '../../messages';
import { formatOtpauthUri } from '../../otp/format-otpauth-uri';
import { validateAccount } from '../../otp/validate-account';
import type { FeatureHandlers } from '../handler-set';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { IMPORT_TTL_MS, PENDING_IMPORT_KEY as PENDING_IMPORT } from '../session/held-secrets';
import { checkExportPolicy, checkImportPolicy, readPolicy } from '../policy/policy-rules';
import type { StoredAccount, VaultPayload } from '../accounts/stored-account';
import {
  addAccounts,
  findDuplicates,
  inPlace,
  liveAccounts as live,
  markBackedUp,
} from '../accounts/accounts';

/** A read file waits this long for its "Import" click. */
export { IMPORT_TTL_MS };
/** Accounts per Google transfer QR code shown on screen. */
export const TRANSFER_PER_CODE = 5;

interface PendingImport {
  token: string;
  until: number;
  /** A Sekimori backup: its accounts are in a backup already (that file). */
  fromBackup: boolean;
  accounts: ImportedAccount[];
}

type BackupHandlers = FeatureHandlers<'backup'>;

/** An account kept this long without a backup is worth reminding about (a new one may still be a trial). */
export const REMIND_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How well the vault is backed up (for the popup's reminder and the options page). The reminder waits until an
 * unbacked account is older than a day, and after "Not now" until more accounts are unbacked.
 */
export function backupState(payload: VaultPayload, now: number): BackupState {
  const unbacked = live(payload).filter((a) => a.backedUpAt === undefined);
  const settled = unbacked.some((a) => now - a.createdAt >= REMIND_AFTER_MS);
  return {
    unbacked: unbacked.length,
    lastBackupAt: payload.lastBackupAt ?? null,
    remind: settled && unbacked.length > (payload.reminderDismissedAt ?? 0),
  };
}

const label = (a: { issuer: string; account: string }) => [a.issuer, a.account].filter(Boolean).join(': ');

function toBackupAccount(a: StoredAccount): BackupAccount {
  const { type, issuer, account, secret, algorithm, digits, period, counter, origins, createdAt } = a;
  return {
    type,
    issuer,
    account,
    secret,
    algorithm,
    digits,
    period,
    counter,
    origins: [...origins],
    createdAt,
    ...(a.pinned ? { pinned: true as const } : {}),
  };
}

export function createBackupHandlers(keeper: Keeper, deps: KeeperDeps): BackupHandlers {
  async function unlockedPayload(): Promise<VaultPayload> {
    const { payload, status } = await keeper.snapshot();
    if (!payload || status.vault !== 'unlocked') throw new KeeperError('locked');
    return payload;
  }

  async function readPending(token: string): Promise<PendingImport> {
    const value = (await deps.session.get([PENDING_IMPORT]))[PENDING_IMPORT] as PendingImport | undefined;
    if (!value || value.token !== token) throw new KeeperError('import-expired');
    if (!(value.until >= deps.now()) || value.until - deps.now() > IMPORT_TTL_MS) {
      await deps.session.set({ [PENDING_IMPORT]: null }); // over: removed, not only ignored
      throw new KeeperError('import-expired');
    }
    return value;
  }

  return {
    'backup.export': async ({ kind, password, backupPassword, ids }) => {
      await checkExportPolicy(deps, kind);
      const payload = await unlockedPayload();
      await keeper.verifyPassword(password);
      const all = live(payload);
      const chosen = ids ? ids.map((id) => all.find((a) => a.id === id)) : all;
      if (chosen.some((a) => a === undefined)) throw new KeeperError('not-found');
      const accounts = chosen as StoredAccount[];
      if (accounts.length === 0) throw new KeeperError('nothing-to-export');
      let text = '';
      let uris: string[] = [];
      let exported = accounts;
      const leftOut: { label: string; reason: 'steam' | 'period' | 'digits' }[] = [];
      if (kind === 'sekimori-backup') {
        text = await exportAccounts(accounts.map(toBackupAccount), 'sekimori-backup', {
          password: backupPassword,
        });
      } else if (kind === 'otpauth-list') {
        text = await exportAccounts(accounts, 'otpauth-list');
      } else if (kind === 'account-qr') {
        if (accounts.length !== 1) throw new KeeperError('bad-request');
        uris = [formatOtpauthUri(accounts[0]!)];
      } else {
        exported = accounts.filter((a) => migrationProblem(a) === undefined);
        for (const a of accounts) {
          const reason = migrationProblem(a);
          if (reason !== undefined) leftOut.push({ label: label(a), reason });
        }
        if (exported.length === 0) throw new KeeperError('nothing-to-export');
        // Five accounts a code: a phone reads such a code off a laptop screen at once (ten make ~130 modules).
        uris = formatMigrationUris(exported, { perBatch: TRANSFER_PER_CODE });
      }
      const now = deps.now();
      const done = exported.map((a) => a.id);
      // A read-only vault (an older copy shown, a newer format) can still be exported: it is just not marked.
      await keeper
        .mutate(inPlace((p) => markBackedUp(p, { ids: done, backupFile: kind === 'sekimori-backup' }, now)))
        .catch((error: unknown) => {
          if (!(error instanceof KeeperError && error.code === 'read-only')) throw error;
        });
      return { text, uris, count: exported.length, leftOut };
    },

    'import.read': async ({ data, encoding, password }): Promise<ImportPreview> => {
      await checkImportPolicy(deps);
      const payload = await unlockedPayload();
      let input: string | Uint8Array = data;
      if (encoding === 'base64') {
        const bytes = decodeBase64Strict(data);
        if (!bytes) throw new KeeperError('bad-request');
        input = bytes;
      }
      const read = await readAnyImport(input, { password });
      const accounts: ImportedAccount[] = read.accounts.map((a) => {
        const { createdAt: _createdAt, ...rest } = a;
        return rest;
      });
      const token = encodeBase64(crypto.getRandomValues(new Uint8Array(18)));
      await deps.session.set({
        [PENDING_IMPORT]: {
          token,
          until: deps.now() + IMPORT_TTL_MS,
          fromBackup: read.format === 'sekimori-backup',
          accounts,
        } satisfies PendingImport,
      });
      // Already in the vault, or an earlier entry of the file: unchecked by default.
      const dup = findDuplicates(payload, accounts);
      return {
        token,
        format: read.format,
        accounts: accounts.map(({ secret: _secret, ...view }, i) => ({ ...view, duplicate: dup[i]! })),
        skipped: read.skipped,
      };
    },

    'import.commit': async ({ token, selected }) => {
      await checkImportPolicy(deps);
      const pending = await readPending(token);
      const chosen = [...new Set(selected)].map((i) => pending.accounts[i]);
      if (chosen.some((a) => a === undefined)) throw new KeeperError('bad-request');
      const { added, duplicates } = await keeper.mutate(
        inPlace((p) => {
          const accounts = (chosen as ImportedAccount[]).map((imported) => ({
            account: validateAccount(imported),
            origins: (imported.origins ?? []).filter(isWebOrigin),
            backedUp: pending.fromBackup,
            pinned: imported.pinned === true,
          }));
          return addAccounts(p, { accounts }, deps.now(), deps.newId);
        }),
      );
      const result = { added: added.length, duplicates };
      await deps.session.set({ [PENDING_IMPORT]: null });
      return result;
    },

    'policy.get': () => readPolicy(deps),

    'backup.state': async () => backupState(await unlockedPayload(), deps.now()),

    'backup.dismiss': async () =>
      keeper.mutate((p) => {
        p.reminderDismissedAt = backupState(p, deps.now()).unbacked;
        return backupState(p, deps.now());
      }),
  };
}
