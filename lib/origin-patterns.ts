/**
 * Host permissions and content-script matches are match patterns, not origins, and the browsers differ:
 * Chromium's pattern may carry a port (`https://h:8443/*` is that port only), but one without a port matches every
 * port of the host; Firefox's patterns cannot carry a port at all, so there one pattern covers every port.
 * Sekimori asks for one exact origin at a time, so several origins an account needs may share one pattern (on
 * Firefox `https://h` and `https://h:8443` are both `https://h/*`): a pattern is given back only when no origin
 * still needed is covered by it. Whatever the pattern, the background fills only the exact origin the account
 * asked for (the frame's own origin must be one of its automatic-fill origins).
 */

export interface PatternRules {
  /** Whether a pattern can name a port (Chromium: yes; Firefox: no). */
  ports: boolean;
}

export const CHROMIUM_PATTERNS: PatternRules = { ports: true };
export const FIREFOX_PATTERNS: PatternRules = { ports: false };

/** The narrowest pattern the browser can grant for `origin` (a web origin as `URL.origin` writes it). */
export function originPattern(origin: string, rules: PatternRules): string {
  const url = new URL(origin);
  return `${url.protocol}//${rules.ports ? url.host : url.hostname}/*`;
}

/** The origin a pattern of `originPattern` stands for (for a pattern without a port: the default port). */
export function patternOrigin(pattern: string): string | null {
  try {
    return new URL(pattern.replace(/\*$/, '')).origin;
  } catch {
    return null;
  }
}

/** Whether pages of `origin` match `pattern` (as `originPattern` writes them): same scheme and host, and the
 * pattern's port, or any port when it names none. */
export function patternCovers(pattern: string, origin: string): boolean {
  try {
    const p = new URL(pattern.replace(/\*$/, ''));
    const o = new URL(origin);
    return p.protocol === o.protocol && p.hostname === o.hostname && (p.port === '' || p.port === o.port);
  } catch {
    return false;
  }
}

/**
 * The patterns that may be given back when the `released` origins are no longer needed: each one's pattern,
 * unless it also covers an origin some account still fills automatically on (`needed`).
 */
export function releasablePatterns(released: string[], needed: string[], rules: PatternRules): string[] {
  const patterns = [...new Set(released.map((origin) => originPattern(origin, rules)))];
  return patterns.filter((pattern) => !needed.some((origin) => patternCovers(pattern, origin)));
}
