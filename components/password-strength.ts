/**
 * A rough strength score (0–4) for the vault password hint: length carries most of the weight, character
 * variety a little, and obvious patterns (one repeated character, a keyboard or number run) pull it down.
 * It guides; it does not decide — the hard rule is the minimum length.
 */
const COMMON = [
  'password',
  'qwerty',
  'letmein',
  'admin',
  'welcome',
  'sekimori',
  'abc123',
  'iloveyou',
  '123456',
];

export function passwordStrength(password: string): 0 | 1 | 2 | 3 | 4 {
  if (password.length < 8) return 0;
  const lower = password.toLowerCase();
  if (/^(.)\1*$/.test(password) || COMMON.some((w) => lower.includes(w) && lower.length < w.length + 4))
    return 0;
  if (/^(?:0123456789|1234567890|abcdefghij)/.test(lower)) return 0;
  // A shorter string said again (`hunter2hunter2`) is barely stronger than saying it once.
  const repeated = /^(.+?)\1+$/.test(password);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const nonAscii = [...password].some((ch) => ch.charCodeAt(0) > 0x7f) ? 1 : 0;
  const unique = new Set(password).size;
  let score = password.length >= 20 ? 3 : password.length >= 14 ? 2 : password.length >= 10 ? 1 : 0;
  score += classes >= 3 || nonAscii ? 1 : 0;
  if (unique < password.length / 3 || repeated) score -= 1;
  return Math.max(0, Math.min(4, score + (classes >= 2 ? 1 : 0))) as 0 | 1 | 2 | 3 | 4;
}
