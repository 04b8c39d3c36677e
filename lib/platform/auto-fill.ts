/**
 * The browser's side of "Fill automatically on this site": the one-origin host permission the user grants
 * (asked from the popup, under the click), and the small content script registered on the granted origins only.
 * Which pattern stands for an origin, and which patterns may be given back, is decided in lib/origin-patterns.ts.
 */
import { browser } from 'wxt/browser';
import type { AutoFill, AutoFillEffects } from '../keeper/fill/auto-fill-handlers';
import {
  CHROMIUM_PATTERNS,
  FIREFOX_PATTERNS,
  originPattern as patternFor,
  patternOrigin,
  releasablePatterns,
  type PatternRules,
} from '../origin-patterns';

const SCRIPT_ID = 'sekimori-autofill';
/** The marker first (it tells the fill script it runs registered, to watch for the field), then the fill script. */
const AUTO_FILL_SCRIPTS = ['auto-fill-marker.js', 'content-scripts/fill.js'];

/** This build's browser: Firefox's patterns cannot carry a port. */
const RULES: PatternRules = import.meta.env.FIREFOX ? FIREFOX_PATTERNS : CHROMIUM_PATTERNS;

/**
 * The match pattern asked for one origin. Chromium's carries the port when the origin has one; Firefox's does not
 * (there the pattern covers every port of the host, and the background still fills only the exact origin).
 */
export function originPattern(origin: string): string {
  return patternFor(origin, RULES);
}

/** The permission and registration side for a browser with these pattern rules (the build's: `autoFillEffects`). */
export function autoFillEffectsFor(rules: PatternRules): AutoFillEffects & { prune(): Promise<void> } {
  async function hasOrigin(origin: string): Promise<boolean> {
    try {
      return await browser.permissions.contains({ origins: [patternFor(origin, rules)] });
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
      matches: [...new Set(granted.map((origin) => patternFor(origin, rules)))],
      js: AUTO_FILL_SCRIPTS,
      runAt: 'document_idle' as const,
      allFrames: true,
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
  }

  /** Gives back the pattern of `origin` unless it also covers an origin still wanted (see origin-patterns.ts). */
  async function releaseOrigin(origin: string, stillWanted: string[]): Promise<void> {
    const patterns = releasablePatterns([origin], stillWanted, rules);
    if (patterns.length > 0) await browser.permissions.remove({ origins: patterns }).catch(() => false);
  }

  /** Keeps the registration to patterns still granted (works while the vault is locked: no account data needed). */
  async function prune(): Promise<void> {
    const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    const origins = (script?.matches ?? []).map(patternOrigin).filter((o): o is string => o !== null);
    await registerAutoFill(origins);
  }

  return { hasOrigin, registerAutoFill, releaseOrigin, prune };
}

const effects = autoFillEffectsFor(RULES);
export const autoFillEffects: AutoFillEffects = {
  hasOrigin: effects.hasOrigin,
  registerAutoFill: effects.registerAutoFill,
  releaseOrigin: effects.releaseOrigin,
};

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
    const origins = (added.origins ?? []).map(patternOrigin).filter((o): o is string => o !== null);
    if (origins.length > 0) void autoFill.granted(origins).catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(() => {
    void effects.prune().catch(() => undefined);
  });
}
