/**
 * Enrolment from a decoded QR code or pasted text: the options page's "Add from image" previews and saves, the
 * scan flow saves with the tab's origin. One vault write per save; accounts already in the vault are never added
 * twice (a scan on a new site adds that site to the account's origins instead).
 */
import type { Account } from '../otp/account';
import type { EnrolAccountView, EnrolPreview, EnrolResult } from '../messages';
import type { Keeper, KeeperDeps } from './keeper';
import { KeeperError } from './keeper-error';
import { batchProgress, recordBatch } from './enrol-batches';
import { enrolLabel } from './enrol-label';
import { readEnrolText } from './enrol-text';
import { isSameKey, type StoredAccount, type VaultPayload } from './stored-account';

export interface Enroller {
  /** What `save` would add; needs the vault unlocked (duplicates). Records no transfer progress. */
  preview(text: string): Promise<EnrolPreview>;
  /** Adds every new account in the text; `origin` (scheme://host[:port]) is where it was scanned. */
  save(text: string, origin?: string): Promise<EnrolResult>;
}

/** The live account with the same key, among the vault's and those added earlier in the same save. */
function findSame(accounts: readonly StoredAccount[], account: Account): StoredAccount | undefined {
  return accounts.find((a) => a.deletedAt === undefined && isSameKey(a, account));
}

function toView(account: Account, duplicate: boolean): EnrolAccountView {
  const { type, issuer, account: name, algorithm, digits, period, counter } = account;
  return { type, issuer, account: name, algorithm, digits, period, counter, duplicate };
}

/** A web origin exactly as a URL gives it; anything else is a caller's mistake. */
function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new KeeperError('bad-request');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin)
    throw new KeeperError('bad-request');
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
    const known: Account[] = [...(await unlockedPayload()).accounts.filter((a) => a.deletedAt === undefined)];
    const accounts = found.accounts.map((account) => {
      const duplicate = known.some((a) => isSameKey(a, account));
      if (!duplicate) known.push(account);
      return toView(account, duplicate);
    });
    const result: EnrolPreview = { kind: found.kind, accounts, skipped: found.skipped };
    if (found.batch) result.batch = await batchProgress(deps.session, found.batch, deps.now());
    return result;
  }

  async function saveNow(text: string, origin?: string): Promise<EnrolResult> {
    const found = readEnrolText(text);
    const site = origin === undefined ? undefined : checkOrigin(origin);
    const { added, labels, duplicates } = await keeper.mutate((payload) => {
      const out = { added: [] as string[], labels: [] as string[], duplicates: 0 };
      for (const account of found.accounts) {
        const same = findSame(payload.accounts, account);
        if (same) {
          out.duplicates++;
          if (site !== undefined && !same.origins.includes(site)) same.origins.push(site);
          continue;
        }
        const id = deps.newId();
        payload.accounts.push({ ...account, id, origins: site ? [site] : [], createdAt: deps.now() });
        out.added.push(id);
        out.labels.push(enrolLabel(account));
      }
      return out;
    });
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
