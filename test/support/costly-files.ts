/**
 * Encrypted Aegis vaults whose password slots ask for a chosen scrypt cost, built without running scrypt: the slot
 * material is random (well-formed hex of the right lengths), so no password opens them and a wrong password costs
 * exactly the scrypt runs of the slots — what a hostile file costs the background.
 */
import { encodeBase64 } from '../../lib/encoding/base64';

const hex = (length: number) =>
  Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(length))).toString('hex');

export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

export function aegisWithSlots(costs: readonly ScryptCost[]): string {
  return JSON.stringify({
    version: 1,
    header: {
      slots: costs.map(({ n, r, p }, i) => ({
        type: 1,
        uuid: `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`,
        key: hex(32),
        key_params: { nonce: hex(12), tag: hex(16) },
        n,
        r,
        p,
        salt: hex(32),
        repaired: true,
        is_backup: false,
      })),
      params: { nonce: hex(12), tag: hex(16) },
    },
    db: encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(64))),
  });
}
