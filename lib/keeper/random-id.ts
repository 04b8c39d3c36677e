/** A random 128-bit id as 32 lowercase hex characters. */
export function randomHexId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
