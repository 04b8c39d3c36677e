/**
 * What a person types as a site ("clp.trendmicro.com", "https://portal.example.jp/login") as the exact
 * origin an account is bound to (scheme, host, port). Only http(s) sites; anything else is null.
 */
export function siteOrigin(typed: string): string | null {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return null;
  const withScheme =
    /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+:\d+(\/|$)/.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
