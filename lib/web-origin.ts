/**
 * An http(s) origin exactly as `URL.origin` writes it: `scheme://host[:port]`, lower case, no path, no default
 * port, at most 300 characters. The one check for every site Sekimori stores or is sent (messages, backups).
 */
export function isWebOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * The http(s) origin of a URL (`https://host[:port]/any/path` → `https://host[:port]`), as `URL.origin` writes
 * it; null for another scheme (about:, data:, blob:, file:, an extension's page) or text that is no URL.
 */
export function webOriginOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * A loopback host: `localhost` (and `*.localhost`, which browsers resolve to loopback), 127.0.0.0/8 or `[::1]`.
 * Pages from such a host never cross a network.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A web origin whose pages reach the browser unaltered by the network: `https:`, or `http:` on a loopback host
 * (a console on this computer, the demo and the tests). Plain http elsewhere can be answered by anyone on the
 * path, so Sekimori never fills it on its own (a click on Fill still can, under the usual confirmations).
 */
export function isSecureWebOrigin(origin: string): boolean {
  if (!isWebOrigin(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'https:' || isLoopbackHost(url.hostname);
}
