/**
 * What an organisation can set centrally (managed storage: Chrome/Edge policy, Firefox `policies.json`). Read
 * defensively: a value of the wrong type or out of range is ignored (and reported), never half-applied, so a
 * typo in a policy cannot lock people out or silently turn a protection off.
 */

/** The managed-storage keys, as in public/managed_schema.json and docs/enterprise.md. */
export interface ManagedPolicy {
  /** At least 8 (the product's own minimum), at most 128. */
  MinimumPasswordLength?: number;
  /** The idle auto-lock cannot be set longer than this (1–1440 minutes), nor turned off. */
  MaximumAutoLockMinutes?: number;
  /** No unencrypted export: the otpauth list, Google transfer codes and single-account QR codes. */
  DisablePlaintextExport?: boolean;
  /** No export and no import at all (scanning and typing a key still work). */
  DisableImportExport?: boolean;
  /** Filling (manual and automatic) only on these origins: `https://console.example.co.jp` or `https://*.example.co.jp`. */
  AllowedFillOrigins?: string[];
  /** No unlocking with a passkey: none can be added, and those in the vault are not offered. */
  DisablePasskeyUnlock?: boolean;
  /** Passkeys must verify the user (PIN, fingerprint, face): true by default; false asks for it only where available. */
  RequirePasskeyUserVerification?: boolean;
  /** No sync through the browser's own sync service: it cannot be turned on, and where it is on it stops. */
  DisableSync?: boolean;
}

export interface Policy {
  minPasswordLength: number;
  maxAutoLockMinutes: number | null;
  disablePlaintextExport: boolean;
  disableImportExport: boolean;
  /** null: no restriction. */
  allowedFillOrigins: string[] | null;
  disablePasskeyUnlock: boolean;
  requirePasskeyUserVerification: boolean;
  disableSync: boolean;
  /** The keys the organisation set (and that were valid): the settings show them as set by the organisation. */
  managed: (keyof ManagedPolicy)[];
  /** Keys that were present but unusable (wrong type, out of range, bad pattern): ignored. */
  ignored: string[];
}

export const PRODUCT_MIN_PASSWORD_LENGTH = 8;
const MAX_POLICY_PASSWORD_LENGTH = 128;
const MAX_AUTO_LOCK_MINUTES = 1440;
const MAX_FILL_ORIGINS = 200;

export const DEFAULT_POLICY: Policy = Object.freeze({
  minPasswordLength: PRODUCT_MIN_PASSWORD_LENGTH,
  maxAutoLockMinutes: null,
  disablePlaintextExport: false,
  disableImportExport: false,
  allowedFillOrigins: null,
  disablePasskeyUnlock: false,
  requirePasskeyUserVerification: true,
  disableSync: false,
  managed: [],
  ignored: [],
});

const KNOWN: (keyof ManagedPolicy)[] = [
  'MinimumPasswordLength',
  'MaximumAutoLockMinutes',
  'DisablePlaintextExport',
  'DisableImportExport',
  'AllowedFillOrigins',
  'DisablePasskeyUnlock',
  'RequirePasskeyUserVerification',
  'DisableSync',
];

const intIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

/** `https://host[:port]` or `https://*.domain[:port]` (http too), lower case, nothing else. */
export function isOriginPattern(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 300) return false;
  const m = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(:\d{1,5})?$/.exec(value);
  if (!m) return false;
  const host = m[3]!;
  return host.length > 0 && !host.startsWith('.') && !host.endsWith('.') && !host.includes('..');
}

/** Whether `origin` (exact, as URL.origin writes it) is one the patterns allow. */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return patterns.some((pattern) => {
    const wildcard = pattern.includes('://*.');
    if (!wildcard) return pattern === origin;
    const [scheme, rest] = pattern.split('://*.') as [string, string];
    const [domain, port = ''] = rest.split(':') as [string, string?];
    return (
      url.protocol === `${scheme}:` &&
      url.port === port &&
      (url.hostname === domain || url.hostname.endsWith(`.${domain}`))
    );
  });
}

/** The effective policy from whatever managed storage holds. */
export function parsePolicy(raw: unknown): Policy {
  const policy: Policy = { ...DEFAULT_POLICY, managed: [], ignored: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return policy;
  const given = raw as Record<string, unknown>;
  const take = (key: keyof ManagedPolicy, ok: boolean, apply: () => void) => {
    if (!Object.prototype.hasOwnProperty.call(given, key) || given[key] === undefined) return;
    if (!ok) return void policy.ignored.push(key);
    apply();
    policy.managed.push(key);
  };
  const min = given.MinimumPasswordLength;
  take('MinimumPasswordLength', intIn(min, PRODUCT_MIN_PASSWORD_LENGTH, MAX_POLICY_PASSWORD_LENGTH), () => {
    policy.minPasswordLength = min as number;
  });
  const lock = given.MaximumAutoLockMinutes;
  take('MaximumAutoLockMinutes', intIn(lock, 1, MAX_AUTO_LOCK_MINUTES), () => {
    policy.maxAutoLockMinutes = lock as number;
  });
  /** A true/false key: anything else is ignored. */
  const flag = (key: keyof ManagedPolicy, apply: (value: boolean) => void) => {
    const value = given[key];
    take(key, typeof value === 'boolean', () => apply(value as boolean));
  };
  flag('DisablePlaintextExport', (value) => (policy.disablePlaintextExport = value));
  flag('DisableImportExport', (value) => (policy.disableImportExport = value));
  const origins = given.AllowedFillOrigins;
  const validOrigins =
    Array.isArray(origins) && origins.length <= MAX_FILL_ORIGINS && origins.every(isOriginPattern);
  take('AllowedFillOrigins', validOrigins, () => {
    policy.allowedFillOrigins = [...new Set(origins as string[])];
  });
  flag('DisablePasskeyUnlock', (value) => (policy.disablePasskeyUnlock = value));
  flag('RequirePasskeyUserVerification', (value) => (policy.requirePasskeyUserVerification = value));
  flag('DisableSync', (value) => (policy.disableSync = value));
  for (const key of Object.keys(given)) if (!(KNOWN as string[]).includes(key)) policy.ignored.push(key);
  return policy;
}
