/**
 * Enrolment from a decoded QR code or pasted text: the options page's "Add from image" previews and saves, the
 * scan flow saves with the tab's origin. One vault write per save; accounts already in the vault are never added
 * twice (a scan on a new site adds that site to the account's origins instead).
 */
import type { Account } from '../../otp/account';
import { webOriginOf } from '../../web-origin';
import type { EnrolAccountView, EnrolPreview, EnrolResult } from '../../messages';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { batchProgress, recordBatch } from './enrol-batches';
import { enrolLabel } from './enrol-label';
import { readEnrolText } from './enrol-text';
import type { VaultPayload } from '../accounts/stored-account';
import { addAccounts, findDuplicates, inPlace } from '../accounts/accounts';

export interface Enroller {
  /** What `save` would add; needs the vault unlocked (duplicates). Records no transfer progress. */
  preview(text: string): Promise<EnrolPreview>;
  /** Adds every new account in the text; `origin` (scheme://host[:port]) is where it was scanned. */
  save(text: string, origin?: string): Promise<EnrolResult>;
}

function toView(account: Account, duplicate: boolean): EnrolAccountView {
  const { type, issuer, account: name, algorithm, digits, period, counter } = account;
  return { type, issuer, account: name, algorithm, digits, period, counter, duplicate };
}

/** A web origin exactly as a URL gives it; anything else is a caller's mistake. */
function checkOrigin(origin: string): string {
  if (webOriginOf(origin) !== origin) throw new KeeperError('bad-request');
  return origin;
}

export function createEnroller(keeper: Keeper, deps: KeeperDeps): Enroller {
  /** Saves run one at a time, so two saves of one export record their progress without losing either. */
  let queue: Promise<unknown> = Promise.resolve();

  async function unlockedPayload(): Promise<VaultPayload> {
    const { status, payload } = await keeper.snapshot();
    if (status.vault === 'absent') throw new KeeperError('no-vault');
    if (!payload) throw new KeeperError('locked');
    return payload;
  }

  async function preview(text: string): Promise<EnrolPreview> {
    const found = readEnrolText(text);
    const duplicates = findDuplicates(await unlockedPayload(), found.accounts);
    const accounts = found.accounts.map((account, i) => toView(account, duplicates[i]!));
    const result: EnrolPreview = { kind: found.kind, accounts, skipped: found.skipped };
    if (found.batch) result.batch = await batchProgress(deps.session, found.batch, deps.now());
    return result;
  }

  async function saveNow(text: string, origin?: string): Promise<EnrolResult> {
    const found = readEnrolText(text);
    const site = origin === undefined ? undefined : checkOrigin(origin);
    // Accounts already in the vault (or earlier in the text) are not added again; a scan binds them to its site.
    const { added, duplicates, entries } = await keeper.mutate(
      inPlace((payload) =>
        addAccounts(
          payload,
          { accounts: found.accounts.map((account) => ({ account })), site },
          deps.now(),
          deps.newId,
        ),
      ),
    );
    const labels = found.accounts.filter((_, i) => entries[i]!.added).map((account) => enrolLabel(account));
    const result: EnrolResult = { kind: found.kind, added, labels, duplicates, skipped: found.skipped };
    if (found.batch) result.batch = await recordBatch(deps.session, found.batch, deps.now());
    return result;
  }

  return {
    preview,
    save(text, origin) {
      const run = queue.then(
        () => saveNow(text, origin),
        () => saveNow(text, origin),
      );
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
