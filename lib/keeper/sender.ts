/**
 * Who sent a message. Privileged requests are accepted only from our own extension pages (popup, options):
 * same extension id AND a URL on the extension's own origin. A content script's messages carry the page's URL,
 * and another extension's carry its own id, so both are refused.
 */
import { webOriginOf } from '../web-origin';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  /** `url` is the tab's top document, reported only where Sekimori may see that page. */
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chromium: the sending document (a navigation makes a new one). */
  documentId?: string;
}

export interface SelfIdentity {
  id: string;
  /** e.g. `chrome-extension://abcdef…` or `moz-extension://uuid` — no trailing slash. */
  origin: string;
}

/**
 * Compared as text: `URL.origin` is "null" for non-special schemes in some engines, so it cannot be trusted
 * to tell extension origins apart.
 */
function isOnOrigin(url: string | undefined, origin: string): boolean {
  return typeof url === 'string' && url.startsWith(origin + '/');
}

export function isExtensionPage(sender: SenderInfo, self: SelfIdentity): boolean {
  if (sender.id !== self.id) return false;
  if (!isOnOrigin(sender.url, self.origin)) return false;
  // Chromium also reports the origin of the sending frame; when present it must agree.
  if (sender.origin !== undefined && sender.origin !== self.origin) return false;
  return true;
}

/**
 * Our own content script in the top frame of a tab: our id, a tab, frame 0, and a web page's URL (not our
 * origin). Which tab may do what is decided by the handler (the scan session names its tab).
 */
export function isTopFrameContentScript(sender: SenderInfo, self: SelfIdentity): boolean {
  if (sender.id !== self.id) return false;
  if (typeof sender.tab?.id !== 'number' || sender.frameId !== 0) return false;
  if (typeof sender.url !== 'string' || isOnOrigin(sender.url, self.origin)) return false;
  // Where the browser reports the frame's origin, it agrees with the URL (a file: page, whose origin is opaque,
  // may still be scanned: a screenshot opened in the browser).
  if (/^https?:/i.test(sender.url) && webFrameOrigin(sender) === null) return false;
  return true;
}

/**
 * The web origin of a content script's frame (http/https only: never about:blank, data:, blob: or file:),
 * from its URL; where the browser also reports `origin`, both must agree. Null otherwise.
 */
export function webFrameOrigin(sender: SenderInfo): string | null {
  const origin = webOriginOf(sender.url ?? '');
  if (origin === null) return null;
  if (sender.origin !== undefined && sender.origin !== origin) return null;
  return origin;
}

/** Our own content script in any frame of a web page: our id, a tab, a frame id and an http(s) origin. */
export function isWebFrameContentScript(sender: SenderInfo, self: SelfIdentity): boolean {
  if (sender.id !== self.id) return false;
  if (typeof sender.tab?.id !== 'number' || typeof sender.frameId !== 'number') return false;
  return webFrameOrigin(sender) !== null;
}

/**
 * A content script's frame is its tab's top document, or a frame under a top document of the same origin. The
 * browser reports the tab's URL only where Sekimori may see it: a frame of a granted origin under a page of
 * another (ungranted) origin has none, and is refused. (The frames between are checked in the page.)
 */
export function underSameOriginTop(sender: SenderInfo, origin: string): boolean {
  if (sender.frameId === 0) return true;
  try {
    return new URL(sender.tab?.url ?? '').origin === origin;
  } catch {
    return false;
  }
}
