/**
 * Passkeys: unlocking with one (its PRF output opens its slot of the vault header), listing, adding and removing
 * them, as the organisation's policy allows. The WebAuthn ceremony itself runs in the page
 * (lib/platform/webauthn.ts); only its result (the credential id and the 32-byte PRF output) comes here.
 */
import { decodeBase64Strict } from '../../encoding/base64';
import type { PasskeyState } from '../../messages';
import type { PasskeySlot } from '../../vault';
import type { FeatureHandlers } from '../handler-set';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { readPolicy } from '../policy/policy-rules';

function prfBytes(text: string): Uint8Array {
  const bytes = decodeBase64Strict(text);
  if (bytes === null || bytes.length !== 32) throw new KeeperError('bad-request');
  return bytes;
}

export function createPasskeyHandlers(keeper: Keeper, deps: KeeperDeps): FeatureHandlers<'passkeys'> {
  const state = async (slots?: PasskeySlot[]): Promise<PasskeyState> => {
    const policy = await readPolicy(deps);
    const passkeys = (slots ?? (await keeper.passkeySlots())).map((s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.createdAt,
      prfSalt: s.prfSalt,
    }));
    return {
      allowed: !policy.disablePasskeyUnlock,
      userVerification: policy.requirePasskeyUserVerification ? 'required' : 'preferred',
      passkeys,
    };
  };
  const allowed = async () => {
    if ((await readPolicy(deps)).disablePasskeyUnlock) throw new KeeperError('policy-forbids');
  };
  return {
    'vault.unlock-passkey': async ({ id, prf }) => {
      await allowed();
      return keeper.unlockWithPasskey(id, prfBytes(prf));
    },
    'passkey.list': () => state(),
    'passkey.add': async ({ password, id, name, prfSalt, prf }) => {
      await allowed();
      return state(await keeper.addPasskey(password, { id, name, prfSalt, prfOutput: prfBytes(prf) }));
    },
    'passkey.remove': async ({ id }) => state(await keeper.removePasskey(id)),
  };
}
