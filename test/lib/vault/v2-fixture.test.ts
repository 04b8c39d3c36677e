import { createHash, hkdfSync, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openVault, sealVault, unlockVault, unlockVaultWithPasskey } from '../../../lib/vault';
import { gcmOpen, vaultFixture } from './vault-test-helpers';

/** Besides its password: the credential and the PRF output that open its passkey slot. */
const fixture = vaultFixture<{ credentialId: string; prfOutput: string }>(2);

describe('version 2 fixture (a vault with a passkey slot, as shipped: must open forever)', () => {
  it('unlocks with its password and with its passkey, to the same key, and keeps the slot on a write', async () => {
    const byPassword = await unlockVault(fixture.record, fixture.password);
    expect(byPassword.payload).toEqual(fixture.payload);
    expect(byPassword.header.version).toBe(2);
    const prf = Buffer.from(fixture.prfOutput, 'base64');
    const byPasskey = await unlockVaultWithPasskey(fixture.record, fixture.credentialId, prf);
    expect(byPasskey.vaultKey).toEqual(byPassword.vaultKey);
    const next = await sealVault(fixture.record, byPassword.vaultKey, fixture.payload);
    expect((await openVault(next, byPassword.vaultKey)).header.passkeys).toHaveLength(1);
    expect((await unlockVaultWithPasskey(next, fixture.credentialId, prf)).payload).toEqual(fixture.payload);
  });

  it('decrypts by hand with node:crypto through the passkey slot, following docs/vault-format.md', () => {
    type Box = { nonce: string; ciphertext: string };
    type Slot = { id: string; prfSalt: string; hkdfSalt: string; wrappedKey: Box };
    const { checksum, ...body } = JSON.parse(fixture.record) as {
      header: { format: string; cipher: string; kdf: { iterations: number; salt: string }; passkeys: Slot[] };
      wrappedKey: Box;
      payload: Box;
      checksum: string;
    };
    expect(createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex')).toBe(checksum);
    const { header, wrappedKey, payload } = body;
    const slot = header.passkeys.find((s) => s.id === fixture.credentialId)!;
    const slotKey = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(fixture.prfOutput, 'base64'),
        Buffer.from(slot.hkdfSalt, 'base64'),
        Buffer.from('sekimori-vault passkey slot v1', 'utf8'),
        32,
      ),
    );
    const slotAad = JSON.stringify({
      format: header.format,
      cipher: header.cipher,
      slot: { id: slot.id, prfSalt: slot.prfSalt, hkdfSalt: slot.hkdfSalt },
    });
    const vaultKey = gcmOpen(slotKey, slot.wrappedKey.nonce, slot.wrappedKey.ciphertext, slotAad);
    // The password slot wraps the same key.
    const kek = pbkdf2Sync(
      Buffer.from(fixture.password.normalize('NFC'), 'utf8'),
      Buffer.from(header.kdf.salt, 'base64'),
      header.kdf.iterations,
      32,
      'sha256',
    );
    const keyAad = JSON.stringify({ format: header.format, cipher: header.cipher, kdf: header.kdf });
    expect(gcmOpen(kek, wrappedKey.nonce, wrappedKey.ciphertext, keyAad)).toEqual(vaultKey);
    const plaintext = gcmOpen(
      vaultKey,
      payload.nonce,
      payload.ciphertext,
      JSON.stringify({ header, wrappedKey }),
    );
    expect(JSON.parse(plaintext.toString('utf8'))).toEqual(fixture.payload);
  });
});
