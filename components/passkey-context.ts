/**
 * The passkey ceremony as the pages get it (lib/platform/webauthn.ts and the popup's window handling, given by
 * the entrypoints): null where the browser cannot run it, and then no passkey option is shown at all.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PasskeyPort } from '@/lib/platform/passkey-port';

export type { PasskeyPort };

export const PasskeyContext = createContext<PasskeyPort | null>(null);

export function usePasskeys(): PasskeyPort | null {
  return useContext(PasskeyContext);
}
