/**
 * The browser's passkey ceremony (WebAuthn with the PRF extension), run in an extension page with the default
 * relying party (the extension's own origin). Only its result leaves here: the credential id and the 32-byte PRF
 * output for one slot's input, as base64, handed straight to the background. Failures become error codes:
 * `passkey-cancelled` (the user cancelled, or it timed out), `passkey-no-prf` (an authenticator without PRF),
 * `passkey-unavailable` (no WebAuthn on this page), `passkey-failed` (anything else).
 */
import { decodeBase64Strict, encodeBase64 } from '../encoding/base64';
import { RemoteError, type ErrorCode, type PasskeyInfo, type PasskeyState } from '../messages';

/** What the ceremony gives the background. */
export interface PasskeyAnswer {
  id: string;
  prf: string;
}

const TIMEOUT_MS = 120_000;

/**
 * Whether this browser can run the ceremony from an extension page. Firefox does not accept an extension's
 * origin as a relying party, so there the option is absent rather than broken.
 */
export function passkeysSupported(): boolean {
  return (
    !import.meta.env.FIREFOX &&
    typeof globalThis.PublicKeyCredential === 'function' &&
    typeof navigator.credentials?.get === 'function'
  );
}

function random(bytes: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64Strict(base64);
  if (bytes === null) throw new RemoteError('passkey-failed');
  return bytes;
}

function base64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The browser's refusal, as a code the pages can show. */
function ceremonyError(error: unknown): RemoteError {
  if (error instanceof RemoteError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const code: ErrorCode =
    name === 'NotAllowedError' || name === 'AbortError'
      ? 'passkey-cancelled'
      : name === 'SecurityError' || name === 'NotSupportedError'
        ? 'passkey-unavailable'
        : 'passkey-failed';
  return new RemoteError(code);
}

interface PrfResults {
  enabled?: boolean;
  results?: { first?: BufferSource };
}

function prfOf(credential: PublicKeyCredential): PrfResults | undefined {
  return (credential.getClientExtensionResults() as { prf?: PrfResults }).prf;
}

function prfBase64(results: PrfResults | undefined): string | null {
  const first = results?.results?.first;
  if (!first) return null;
  const bytes = ArrayBuffer.isView(first)
    ? new Uint8Array(first.buffer, first.byteOffset, first.byteLength)
    : new Uint8Array(first);
  return bytes.length === 32 ? encodeBase64(bytes) : null;
}

/** The user was verified (authenticator data's UV flag), when the policy requires it. */
function checkVerified(credential: PublicKeyCredential, userVerification: PasskeyState['userVerification']) {
  if (userVerification !== 'required') return;
  const response = credential.response as AuthenticatorAssertionResponse | AuthenticatorAttestationResponse;
  const data =
    'authenticatorData' in response && response.authenticatorData instanceof ArrayBuffer
      ? new Uint8Array(response.authenticatorData)
      : null;
  if (data && data.length > 32 && (data[32]! & 0x04) === 0) throw new RemoteError('passkey-failed');
}

/**
 * Asks the authenticator for one of the vault's passkeys and its PRF output for that passkey's slot. The
 * browser offers only these credentials.
 */
export async function askPasskey(
  passkeys: readonly Pick<PasskeyInfo, 'id' | 'prfSalt'>[],
  userVerification: PasskeyState['userVerification'],
): Promise<PasskeyAnswer> {
  if (!passkeysSupported()) throw new RemoteError('passkey-unavailable');
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: passkeys.map((p) => ({ type: 'public-key', id: bytesOf(p.id) })),
        userVerification,
        timeout: TIMEOUT_MS,
        extensions: {
          prf: {
            evalByCredential: Object.fromEntries(
              passkeys.map((p) => [base64Url(p.id), { first: bytesOf(p.prfSalt) }]),
            ),
          },
        },
      },
    })) as PublicKeyCredential | null;
  } catch (error) {
    throw ceremonyError(error);
  }
  if (!credential) throw new RemoteError('passkey-cancelled');
  checkVerified(credential, userVerification);
  const prf = prfBase64(prfOf(credential));
  if (prf === null) throw new RemoteError('passkey-no-prf');
  return { id: encodeBase64(new Uint8Array(credential.rawId)), prf };
}

/**
 * Makes a new passkey for the vault and gets its PRF output for a fresh input. Authenticators that evaluate the
 * PRF while creating answer at once; the others are asked once more (a second touch).
 */
export async function createPasskey(
  name: string,
  userVerification: PasskeyState['userVerification'],
): Promise<PasskeyAnswer & { prfSalt: string }> {
  if (!passkeysSupported()) throw new RemoteError('passkey-unavailable');
  const salt = random(32);
  const prfSalt = encodeBase64(salt);
  let credential: PublicKeyCredential | null;
  try {
    credential = (await navigator.credentials.create({
      publicKey: {
        rp: { name: 'Sekimori' },
        user: { id: random(16), name: `Sekimori: ${name}`, displayName: name },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -8 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { residentKey: 'preferred', userVerification },
        attestation: 'none',
        timeout: TIMEOUT_MS,
        extensions: { prf: { eval: { first: salt } } },
      },
    })) as PublicKeyCredential | null;
  } catch (error) {
    throw ceremonyError(error);
  }
  if (!credential) throw new RemoteError('passkey-cancelled');
  const results = prfOf(credential);
  // `enabled` false, or no PRF answer at all: this authenticator cannot derive a key.
  if (!results || results.enabled === false) throw new RemoteError('passkey-no-prf');
  const id = encodeBase64(new Uint8Array(credential.rawId));
  const prf = prfBase64(results);
  if (prf !== null) return { id, prf, prfSalt };
  const answer = await askPasskey([{ id, prfSalt }], userVerification);
  if (answer.id !== id) throw new RemoteError('passkey-failed');
  return { ...answer, prfSalt };
}
