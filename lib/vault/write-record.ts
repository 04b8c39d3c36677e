import { encodeBase64 } from '../encoding/base64';
import { parseVaultRecord } from './parse-vault-record';
import type { RandomBytes } from './random-bytes';
import { writeChecksummedText } from './record-checksum';
import { openBytes, sealBytes, type SealedBytes } from './seal';
import { payloadAad } from './vault-aad';
import type { StoredBox, VaultHeader, VaultRecordBody } from './vault-record';

function toStoredBox(sealed: SealedBytes): StoredBox {
  return { nonce: encodeBase64(sealed.nonce), ciphertext: encodeBase64(sealed.ciphertext) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * Seals `plaintext` under `vaultKey` with a fresh nonce (AAD: header + wrapped key), appends the checksum and
 * reads the result back: the record is returned only once it provably opens to the same bytes.
 */
export async function writeRecord(parts: {
  header: VaultHeader;
  wrappedKey: SealedBytes;
  vaultKey: CryptoKey;
  plaintext: Uint8Array<ArrayBuffer>;
  random: RandomBytes;
}): Promise<string> {
  const wrappedKey = toStoredBox(parts.wrappedKey);
  const aad = payloadAad({ ...parts.header }, { ...wrappedKey });
  const payload = toStoredBox(await sealBytes(parts.vaultKey, parts.plaintext, aad, parts.random));
  const body: VaultRecordBody = { header: parts.header, wrappedKey, payload };
  const text = await writeChecksummedText({ ...body });
  const check = await parseVaultRecord(text);
  const reopened = await openBytes(parts.vaultKey, check.payload, check.payloadAad);
  if (reopened === null || !sameBytes(reopened, parts.plaintext))
    throw new Error('vault record failed its read-back check');
  return text;
}
