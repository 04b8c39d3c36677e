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
