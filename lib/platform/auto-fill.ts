/**
 * The browser's side of "Fill automatically on this site": the one-origin host permission the user grants
 * (asked from the popup, under the click), and the small content script registered on the granted origins only.
 */
import { browser } from 'wxt/browser';
import type { AutoFill, AutoFillEffects } from '../keeper/auto-fill-handlers';

const SCRIPT_ID = 'sekimori-autofill';
const AUTO_FILL_SCRIPT = 'content-scripts/autofill.js';

/**
 * The match pattern of exactly one origin. Chromium's patterns carry the port; Firefox's do not (there the
 * pattern covers every port of the host, and the background still fills only the exact origin).
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  const host = import.meta.env.FIREFOX ? url.hostname : url.host;
  return `${url.protocol}//${host}/*`;
}

function originOf(pattern: string): string | null {
  try {
    return new URL(pattern.replace(/\*$/, '')).origin;
  } catch {
    return null;
  }
}

async function hasOrigin(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

async function registerAutoFill(origins: string[]): Promise<void> {
  const granted: string[] = [];
  for (const origin of origins) if (await hasOrigin(origin)) granted.push(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = {
    id: SCRIPT_ID,
    matches: [...new Set(granted.map(originPattern))],
    js: [AUTO_FILL_SCRIPT],
    runAt: 'document_idle' as const,
    allFrames: true,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

async function releaseOrigin(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

export const autoFillEffects: AutoFillEffects = { hasOrigin, registerAutoFill, releaseOrigin };

/**
 * Asks the browser for one origin, from the popup's click handler (it must run under the user's gesture, so it is
 * called before anything is awaited). The prompt may close the popup; the background completes the choice when
 * the grant arrives (see `listenForGrants`).
 */
export function requestOrigin(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}

/** Background: grants complete waiting choices; a grant taken back (extension settings) ends its script. */
export function listenForGrants(autoFill: AutoFill): void {
  browser.permissions.onAdded.addListener((added) => {
    const origins = (added.origins ?? []).map(originOf).filter((o): o is string => o !== null);
    if (origins.length > 0) void autoFill.granted(origins).catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(() => {
    void pruneRegistration().catch(() => undefined);
  });
}

/** Keeps the registration to origins still granted (works while the vault is locked: no account data needed). */
async function pruneRegistration(): Promise<void> {
  const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const origins = (script?.matches ?? []).map(originOf).filter((o): o is string => o !== null);
  await registerAutoFill(origins);
}
