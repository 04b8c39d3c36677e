/** Turning form input into validated accounts (the OTP layer owns the rules and their error codes). */
import type { Account } from '../../otp/account';
import { validateAccount } from '../../otp/validate-account';
import type { AccountDraft, AccountPatch } from '../../messages';

export function draftToAccount(draft: AccountDraft): Account {
  return validateAccount({ ...draft });
}

/** Merges an edit into the stored account; an empty secret keeps the stored one. */
export function applyPatch(current: Account, patch: AccountPatch): Account {
  const merged: Account = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof AccountPatch, unknown][]) {
    if (value === undefined) continue;
    if (key === 'secret' && typeof value === 'string' && value.trim() === '') continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (merged.type !== 'hotp') merged.counter = 0;
  return merged;
}
