/**
 * The vault's cipher proves the payload is ours, not that it has the shape this version expects (a newer
 * version may have written it). Anything unexpected is reported as corrupt instead of half-used.
 */
import { VaultError } from '../vault';
import type { VaultPayload } from './accounts/stored-account';

export function checkPayload(value: unknown): VaultPayload {
  const payload = value as Partial<VaultPayload> | null;
  if (!payload || typeof payload !== 'object' || !Array.isArray(payload.accounts)) {
    throw new VaultError('corrupt', 'payload shape');
  }
  for (const a of payload.accounts) {
    if (!a || typeof a.id !== 'string' || typeof a.secret !== 'string' || !Array.isArray(a.origins)) {
      throw new VaultError('corrupt', 'account shape');
    }
    if (
      a.autoFill !== undefined &&
      !(Array.isArray(a.autoFill) && a.autoFill.every((o) => typeof o === 'string'))
    ) {
      throw new VaultError('corrupt', 'account shape');
    }
  }
  return payload as VaultPayload;
}
