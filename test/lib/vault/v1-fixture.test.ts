import { createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openVault, sealVault, unlockVault } from '../../../lib/vault';
import { gcmOpen, vaultFixture } from './vault-test-helpers';

const fixture = vaultFixture(1);

describe('version 1 fixture (a vault as shipped: must open forever)', () => {
  it('unlocks with its password and gives back its payload', async () => {
    const unlocked = await unlockVault(fixture.record, fixture.password);
    expect(unlocked.payload).toEqual(fixture.payload);
    expect(unlocked.readOnly).toBe(false);
    expect(unlocked.header.version).toBe(1);
    expect((await openVault(fixture.record, unlocked.vaultKey)).payload).toEqual(fixture.payload);
    const next = await sealVault(fixture.record, unlocked.vaultKey, fixture.payload);
    expect((await openVault(next, unlocked.vaultKey)).header.revision).toBe(2);
  });

  it('decrypts by hand with node:crypto, following docs/vault-format.md step by step', () => {
    type Box = { nonce: string; ciphertext: string };
    const { checksum, ...body } = JSON.parse(fixture.record) as {
      header: { format: string; cipher: string; kdf: { iterations: number; salt: string } };
      wrappedKey: Box;
      payload: Box;
      checksum: string;
    };
    // 1. checksum over the record without its checksum member
    expect(createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex')).toBe(checksum);
    // 2. key-encryption key
    const { header, wrappedKey, payload } = body;
    const password = Buffer.from(fixture.password.normalize('NFC'), 'utf8');
    const kek = pbkdf2Sync(
      password,
      Buffer.from(header.kdf.salt, 'base64'),
      header.kdf.iterations,
      32,
      'sha256',
    );
    // 3. vault key
    const keyAad = JSON.stringify({ format: header.format, cipher: header.cipher, kdf: header.kdf });
    const vaultKey = gcmOpen(kek, wrappedKey.nonce, wrappedKey.ciphertext, keyAad);
    expect(vaultKey).toHaveLength(32);
    // 4. payload
    const plaintext = gcmOpen(
      vaultKey,
      payload.nonce,
      payload.ciphertext,
      JSON.stringify({ header, wrappedKey }),
    );
    expect(JSON.parse(plaintext.toString('utf8'))).toEqual(fixture.payload);
  });
});
