/**
 * Labels come from QR codes and files made by others: they are shown as text (never HTML), and
 * direction-override and invisible characters are made visible instead of being obeyed, so a label cannot
 * reorder or hide what is shown next to it.
 */
// Control characters are exactly what this pattern is for.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/gu;

export function displayText(label: string): string {
  return label.replace(
    INVISIBLE,
    (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** `123456` -> [`123`, `456`], `12345678` -> [`1234`, `5678`]; Steam's five characters stay one group. */
export function codeGroups(code: string): string[] {
  if (code.length === 6 || code.length === 7) return [code.slice(0, 3), code.slice(3)];
  if (code.length === 8) return [code.slice(0, 4), code.slice(4)];
  return [code];
}

/** Case-, width- and kana-width-insensitive search key (NFKC), so ｔｒｅｎｄ finds Trend. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}
