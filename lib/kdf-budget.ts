/**
 * The most key-derivation work one file may ask for with one password, summed over everything it would derive
 * (every Aegis password slot, andOTP's PBKDF2, 2FAS's, a Sekimori backup's), so that a wrong password costs the
 * background a few seconds at most, never minutes (the popup and options pages stop waiting after 30 s). A file
 * asking for more is refused with 'kdf-too-costly' before anything is derived.
 *
 * The unit is one PBKDF2-HMAC-SHA256 iteration; the other functions count as the iterations that cost as long,
 * measured on the 2-core development machine (WebCrypto PBKDF2 and @noble/hashes scrypt, the code this runs):
 *
 *   PBKDF2-HMAC-SHA256   0.20 µs per iteration (600 000: 120 ms; 10 000 000: 2.0 s)        -> 1 unit
 *   PBKDF2-HMAC-SHA1     0.40 µs per iteration (10 000 000: 4.0 s)                          -> 2 units
 *   scrypt               0.52 µs (r = 32) to 1.03 µs (r = 1) per unit of N·r·p
 *                        (Aegis's N = 2^15, r = 8, p = 1: 0.18 s; N·r·p = 2^22: 2.2 s to 4.3 s) -> 5 units
 *
 * KDF_BUDGET = 24 000 000 units: 4.8 s at those rates, i.e. 24 000 000 PBKDF2-SHA256 iterations, or 12 000 000
 * PBKDF2-SHA1 iterations, or scrypt N·r·p summed up to 4 800 000 (one slot at the per-slot ceiling 2^22 and a
 * little more; eighteen slots of Aegis's default). What the real files ask for: Aegis 1.3 M (one default slot),
 * andOTP 0.3 M (140 000–160 000 SHA-1 iterations), 2FAS 10 000, a Sekimori backup 600 000. The per-file ceilings
 * all fit: andOTP's 10 000 000 SHA-1 iterations (20 M units), a Sekimori backup's 10 000 000 (10 M units).
 * Measured, wrong password: the costliest Aegis file accepted (slots N·r·p = 2^22 at r = 1, 2^19, 2^16: 99.7 % of
 * the budget) 4.1–4.5 s; andOTP at its ceiling 4.0 s; a Sekimori backup at its ceiling 2.0 s. Eight Aegis slots at
 * the per-slot ceiling, accepted before this budget, took 25 s (r = 8) to 43 s (r = 1).
 */

/** One key derivation a file asks for. */
export type KdfRun =
  | { kind: 'pbkdf2'; hash: 'SHA-1' | 'SHA-256'; iterations: number }
  | { kind: 'scrypt'; n: number; r: number; p: number };

/** Units (PBKDF2-HMAC-SHA256 iterations) one file may cost with one password. */
export const KDF_BUDGET = 24_000_000;

/** Units per PBKDF2-HMAC-SHA256 iteration, per PBKDF2-HMAC-SHA1 iteration, per unit of scrypt's N·r·p. */
export const KDF_UNITS = { pbkdf2Sha256: 1, pbkdf2Sha1: 2, scrypt: 5 } as const;

/** The work of all these runs, in units. */
export function kdfWork(runs: readonly KdfRun[]): number {
  let work = 0;
  for (const run of runs) {
    if (run.kind === 'scrypt') work += run.n * run.r * run.p * KDF_UNITS.scrypt;
    else work += run.iterations * (run.hash === 'SHA-1' ? KDF_UNITS.pbkdf2Sha1 : KDF_UNITS.pbkdf2Sha256);
  }
  return work;
}

/** True when these runs together fit the budget. */
export function withinKdfBudget(runs: readonly KdfRun[]): boolean {
  return kdfWork(runs) <= KDF_BUDGET;
}
