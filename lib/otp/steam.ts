/** Steam Guard's 5-character codes: RFC 4226 truncation, then base-26 digits from Steam's alphabet. */

export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** Encodes the 31-bit dynamically truncated HMAC value, least significant character first. */
export function encodeSteamCode(truncated: number, length: number): string {
  let value = truncated;
  let code = '';
  for (let i = 0; i < length; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
