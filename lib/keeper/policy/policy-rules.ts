/** The organisation's rules where the background acts on them: every check answers `policy-forbids`. */
import { DEFAULT_POLICY, originAllowed, type Policy } from '../../policy/policy';
import type { ExportKind } from '../../messages';
import type { KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';

export const readPolicy = (deps: KeeperDeps): Promise<Policy> =>
  deps.readPolicy ? deps.readPolicy() : Promise.resolve(DEFAULT_POLICY);

export async function checkPasswordPolicy(deps: KeeperDeps, password: string): Promise<void> {
  if (password.length < (await readPolicy(deps)).minPasswordLength)
    throw new KeeperError('password-too-short');
}

export async function checkExportPolicy(deps: KeeperDeps, kind: ExportKind): Promise<void> {
  const policy = await readPolicy(deps);
  if (policy.disableImportExport) throw new KeeperError('policy-forbids');
  if (policy.disablePlaintextExport && kind !== 'sekimori-backup') throw new KeeperError('policy-forbids');
}

export async function checkImportPolicy(deps: KeeperDeps): Promise<void> {
  if ((await readPolicy(deps)).disableImportExport) throw new KeeperError('policy-forbids');
}

/** Whether the organisation lets Sekimori fill on this origin (no list: everywhere). */
export async function fillAllowed(deps: KeeperDeps, origin: string): Promise<boolean> {
  const { allowedFillOrigins } = await readPolicy(deps);
  return allowedFillOrigins === null || originAllowed(origin, allowedFillOrigins);
}

/** The organisation's longest idle auto-lock (minutes), for the lock settings; null: no ceiling. */
export const policyIdleCeiling = (deps: KeeperDeps) => async (): Promise<number | null> =>
  (await readPolicy(deps)).maxAutoLockMinutes;
