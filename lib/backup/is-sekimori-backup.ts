/** Every backup this code writes starts like this (an optional BOM and any JSON whitespace allowed). */
const SIGNATURE = /^\uFEFF?\s*\{\s*"format"\s*:\s*"sekimori-backup"/;

/** How much of the text the sniff looks at. */
const SNIFF_LENGTH = 256;

/**
 * Cheap sniff, no parsing and no crypto: true when `text` starts the way a Sekimori backup file does (its first
 * member is `"format": "sekimori-backup"`). Says nothing about whether the file is intact; openBackup decides that.
 */
export function isSekimoriBackup(text: unknown): boolean {
  return typeof text === 'string' && SIGNATURE.test(text.slice(0, SNIFF_LENGTH));
}
