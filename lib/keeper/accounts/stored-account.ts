import type { Account } from '../../otp/account';
import type { AccountView } from '../../messages';
import type { SyncState } from '../../sync/sync-state';

/** An account as kept inside the encrypted vault payload. */
export interface StoredAccount extends Account {
  id: string;
  /** Exact origins (scheme://host:port) the account may be used on. */
  origins: string[];
  /** Of `origins`, those the user asked to fill automatically on (absent in vaults written before). */
  autoFill?: string[];
  createdAt: number;
  /** When the account last went into a backup or export (cleared when its key or parameters change). */
  backedUpAt?: number;
  /** Set while a deletion can still be undone; purged after the undo window. */
  deletedAt?: number;
  /** Pinned by the user: listed before the others (after the current site's). */
  pinned?: true;
}

/** The decrypted vault payload. */
export interface VaultPayload {
  schema: 1;
  accounts: StoredAccount[];
  /** When the last Sekimori backup file was made. */
  lastBackupAt?: number;
  /** "Not now" on the backup reminder, at this many unbacked accounts: shown again only when there are more. */
  reminderDismissedAt?: number;
  /** Sync, when turned on for this browser (lib/keeper/sync): who this browser is, and which key it syncs under. */
  syncConfig?: SyncConfig;
  /** The replicated state as this browser last brought it in line (lib/sync, docs/sync-merge.md). */
  sync?: SyncState;
}

export interface SyncConfig {
  /** This browser's id in the replicated state's stamps. */
  device: string;
  /** The generation of the vault key synced under: +1 on every password change. */
  keyGeneration: number;
  /**
   * The vault key before this browser's last password change (base64), kept so that a record another browser
   * wrote under it meanwhile is still read and merged before this browser writes under the new one.
   */
  previousKey?: string;
}

export const EMPTY_PAYLOAD: VaultPayload = { schema: 1, accounts: [] };

/** Strips the secret: the only shape of an account that leaves the background. */
export function toView(a: StoredAccount): AccountView {
  return {
    id: a.id,
    type: a.type,
    issuer: a.issuer,
    account: a.account,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.period,
    counter: a.counter,
    origins: [...a.origins],
    autoFill: a.type === 'hotp' ? [] : (a.autoFill ?? []).filter((o) => a.origins.includes(o)),
    createdAt: a.createdAt,
    pinned: a.pinned === true,
  };
}

export function isSameKey(a: Account, b: Account): boolean {
  return a.secret === b.secret && a.issuer === b.issuer && a.account === b.account && a.type === b.type;
}
