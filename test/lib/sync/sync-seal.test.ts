import { beforeAll, describe, expect, it } from 'vitest';
import {
  inspectSyncRecord,
  openSyncRecordWithKey,
  openSyncRecordWithPassword,
  planWrite,
  sealSyncRecord,
  syncKeyId,
  syncWrappingOf,
  type SyncRecordErrorCode,
} from '../../../lib/sync/records-index';
import {
  changePassword,
  latin1,
  makeVault,
  NEW_PASSWORD,
  PASSWORD,
  plainOf,
  SECRET,
  type TestVault,
} from './record-support';

const STATE = { a: { x1: { issuer: 'Trend Micro SaaS Account', secret: SECRET } }, v: {}, k: {} };

async function expectCode(promise: Promise<unknown>, code: SyncRecordErrorCode): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'SyncRecordError', code });
}

/** The record with its envelope text edited (and nothing else). */
function editEnvelope(blob: Uint8Array, edit: (text: string) => string): Uint8Array {
  const split = blob.indexOf(0x0a);
  const text = new TextDecoder().decode(blob.subarray(0, split));
  const head = new TextEncoder().encode(edit(text));
  const out = new Uint8Array(head.length + blob.length - split);
  out.set(head);
  out.set(blob.subarray(split), head.length);
  return out;
}

let vault: TestVault;
let blob: Uint8Array;

beforeAll(async () => {
  vault = await makeVault();
  blob = await sealSyncRecord(plainOf(STATE), vault.vaultKey, {
    wrapping: vault.wrapping,
    keyGeneration: 1,
    revision: 7,
  });
});

describe('sealSyncRecord and opening', () => {
  it('round-trips with the key this device holds', async () => {
    const opened = await openSyncRecordWithKey(blob, vault.vaultKey);
    expect(JSON.parse(new TextDecoder().decode(opened.plain))).toEqual(STATE);
    expect(opened.header).toMatchObject({
      format: 'sekimori-sync',
      version: 1,
      cipher: 'aes-256-gcm',
      compression: 'deflate-raw',
      keyGeneration: 1,
      revision: 7,
      keyId: await syncKeyId(vault.vaultKey),
    });
  });

  it('opens on a new device with the password alone: the same vault key and the local slot', async () => {
    const opened = await openSyncRecordWithPassword(blob, PASSWORD);
    expect(opened.vaultKey).toEqual(new Uint8Array(vault.vaultKey));
    expect(opened.wrapping).toEqual(vault.wrapping);
    expect(JSON.parse(new TextDecoder().decode(opened.plain))).toEqual(STATE);
  });

  it('says wrong-password for another password', async () => {
    await expectCode(openSyncRecordWithPassword(blob, 'not it'), 'wrong-password');
  });

  it('holds the vault password slot and no passkey slot in its header', () => {
    const header = inspectSyncRecord(blob);
    expect(Object.keys(header)).toEqual([
      'format',
      'version',
      'cipher',
      'compression',
      'kdf',
      'keyId',
      'keyGeneration',
      'revision',
    ]);
    expect(header.kdf).toEqual(vault.wrapping.kdf);
    expect(latin1(blob)).not.toContain('passkeys');
  });

  it('uses a fresh nonce for every record', async () => {
    const again = await sealSyncRecord(plainOf(STATE), vault.vaultKey, {
      wrapping: vault.wrapping,
      keyGeneration: 1,
      revision: 7,
    });
    expect(latin1(again)).not.toEqual(latin1(blob));
    const nonce = (b: Uint8Array) => latin1(b.subarray(b.indexOf(0x0a) + 1, b.indexOf(0x0a) + 13));
    expect(nonce(again)).not.toEqual(nonce(blob));
  });

  it('never shows the plaintext, compressed or not, in the record or its items', async () => {
    for (const compression of ['deflate-raw', 'none'] as const) {
      const sealed = await sealSyncRecord(
        plainOf(STATE),
        vault.vaultKey,
        {
          wrapping: vault.wrapping,
          keyGeneration: 1,
          revision: 1,
        },
        { compression },
      );
      expect(latin1(sealed)).not.toContain(SECRET);
      expect(latin1(sealed)).not.toContain('Trend Micro');
      const plan = planWrite({}, sealed);
      if (plan.over) throw new Error('should fit');
      const text = JSON.stringify(plan.steps);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.slice(0, 12));
      expect(text).not.toContain('Trend');
      expect((await openSyncRecordWithKey(sealed, vault.vaultKey)).header.compression).toBe(compression);
    }
  });
});

describe('damage and tampering', () => {
  it('a changed revision (header) fails authentication', async () => {
    const tampered = editEnvelope(blob, (t) => t.replace('"revision":7', '"revision":8'));
    await expectCode(openSyncRecordWithKey(tampered, vault.vaultKey), 'corrupt');
    await expectCode(openSyncRecordWithPassword(tampered, PASSWORD), 'corrupt');
  });

  it('a changed key generation or compression fails authentication', async () => {
    const generation = editEnvelope(blob, (t) => t.replace('"keyGeneration":1', '"keyGeneration":2'));
    await expectCode(openSyncRecordWithKey(generation, vault.vaultKey), 'corrupt');
    const compression = editEnvelope(blob, (t) => t.replace('"deflate-raw"', '"none"'));
    await expectCode(openSyncRecordWithKey(compression, vault.vaultKey), 'corrupt');
  });

  it('every flipped bit of the body is detected', async () => {
    const start = blob.indexOf(0x0a) + 1;
    for (let at = start; at < blob.length; at += 7) {
      const tampered = new Uint8Array(blob);
      tampered[at]! ^= 0x01;
      await expectCode(openSyncRecordWithKey(tampered, vault.vaultKey), 'corrupt');
    }
  });

  it('a swapped wrapped key: the password no longer opens it, the key sees the header changed', async () => {
    const other = await makeVault();
    const swapped = editEnvelope(blob, (t) =>
      t.replace(vault.wrapping.wrappedKey.ciphertext, other.wrapping.wrappedKey.ciphertext),
    );
    await expectCode(openSyncRecordWithPassword(swapped, PASSWORD), 'wrong-password');
    await expectCode(openSyncRecordWithKey(swapped, vault.vaultKey), 'corrupt');
  });

  it('a forged key id is caught once the key is unwrapped', async () => {
    const other = await syncKeyId(new Uint8Array(32).fill(9));
    const forged = editEnvelope(blob, (t) => t.replace(inspectSyncRecord(blob).keyId, other));
    await expectCode(openSyncRecordWithKey(forged, vault.vaultKey), 'key-changed');
    await expectCode(openSyncRecordWithPassword(forged, PASSWORD), 'corrupt');
  });

  it('a lowered KDF cost is refused before anything is derived', async () => {
    const weak = editEnvelope(blob, (t) => t.replace('"iterations":600000', '"iterations":1000'));
    await expectCode(openSyncRecordWithPassword(weak, PASSWORD), 'kdf-too-weak');
  });

  it('a newer version, cipher or compression is unsupported-version; no header is corrupt', async () => {
    const newer = editEnvelope(blob, (t) => t.replace('"version":1', '"version":2'));
    await expectCode(openSyncRecordWithKey(newer, vault.vaultKey), 'unsupported-version');
    const zstd = editEnvelope(blob, (t) => t.replace('"deflate-raw"', '"zstd"'));
    await expectCode(openSyncRecordWithKey(zstd, vault.vaultKey), 'unsupported-version');
    await expectCode(openSyncRecordWithKey(new Uint8Array([1, 2, 3]), vault.vaultKey), 'corrupt');
    const spaced = editEnvelope(blob, (t) => t.replace('{"header"', '{ "header"'));
    await expectCode(openSyncRecordWithKey(spaced, vault.vaultKey), 'corrupt');
  });

  it('refuses to take a slot from a local record that the key does not open', async () => {
    const other = await makeVault();
    await expect(syncWrappingOf(other.record, vault.vaultKey)).rejects.toMatchObject({ code: 'wrong-key' });
  });
});

describe('a password change on another device', () => {
  it('is key-changed for devices holding the old key, and the new password opens it', async () => {
    const changed = await changePassword(vault);
    const record = await sealSyncRecord(plainOf(STATE), changed.vaultKey, {
      wrapping: changed.wrapping,
      keyGeneration: 2,
      revision: 8,
    });
    // Without decrypting: the key id says it is not our key, the generation that it is newer.
    expect(inspectSyncRecord(record).keyId).not.toBe(await syncKeyId(vault.vaultKey));
    expect(inspectSyncRecord(record).keyGeneration).toBe(2);
    await expectCode(openSyncRecordWithKey(record, vault.vaultKey), 'key-changed');
    await expectCode(openSyncRecordWithPassword(record, PASSWORD), 'wrong-password');
    const adopted = await openSyncRecordWithPassword(record, NEW_PASSWORD);
    expect(adopted.vaultKey).toEqual(new Uint8Array(changed.vaultKey));
    expect(adopted.wrapping).toEqual(changed.wrapping);
    // The adopting device can now seal with the new key and its slot.
    const next = await sealSyncRecord(adopted.plain, adopted.vaultKey, {
      wrapping: adopted.wrapping,
      keyGeneration: 2,
      revision: 9,
    });
    expect((await openSyncRecordWithKey(next, changed.vaultKey)).header.revision).toBe(9);
  });

  it('refuses bad arguments', async () => {
    const wrap = { wrapping: vault.wrapping, keyGeneration: 1, revision: 1 };
    await expectCode(sealSyncRecord(plainOf(1), new Uint8Array(16), wrap), 'invalid-argument');
    await expectCode(
      sealSyncRecord(plainOf(1), vault.vaultKey, { ...wrap, revision: 0 }),
      'invalid-argument',
    );
    await expectCode(
      sealSyncRecord(plainOf(1), vault.vaultKey, { ...wrap, keyGeneration: 1.5 }),
      'invalid-argument',
    );
    await expectCode(openSyncRecordWithPassword(blob, ''), 'invalid-argument');
  });
});
