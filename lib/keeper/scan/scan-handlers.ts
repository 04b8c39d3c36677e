/**
 * The scan: started by an extension page (or the context menu / keyboard command), then driven by the scan
 * content script in the tab. The content script only ever learns counts and labels — never a secret — and
 * may only act on the tab where the user started the scan.
 */
import type { EnrolResult } from '../../messages';
import { webOriginOf } from '../../web-origin';
import type { Enroller } from './enrol';
import { readEnrolText } from './enrol-text';
import type { Keeper, KeeperDeps } from '../keeper';
import { KeeperError } from '../keeper-error';
import { writeHighlight } from './highlight';
import { readPendingEnrolment, writePendingEnrolment } from './pending-enrolment';
import { MAX_CAPTURES, readScanSession, writeScanSession } from './scan-session';
import type { SenderInfo } from '../sender';
import type { FeatureHandlers } from '../handler-set';

export interface ScanEffects {
  /** The given tab (brought to the front of its window, and the window focused), else the active tab. */
  prepareScanTab(tabId?: number): Promise<{ tabId: number; windowId: number }>;
  /** Injects the scan content script into the tab's top frame; rejects when the page cannot be scripted. */
  injectScanScript(tabId: number): Promise<void>;
  /** A PNG data URL of the window's visible tab; rejects unless `tabId` is that tab. */
  captureTab(tabId: number, windowId: number): Promise<string>;
}

/** The page origin recorded on an account scanned there: web pages only. */
export function scannedOrigin(sender: SenderInfo): string | undefined {
  const raw = sender.origin ?? sender.url;
  if (typeof raw !== 'string') return undefined;
  return webOriginOf(raw) ?? undefined;
}

type ScanHandlers = FeatureHandlers<'scan'>;

export function createScanHandlers(
  keeper: Keeper,
  deps: KeeperDeps,
  enroller: Enroller,
  effects: ScanEffects,
): ScanHandlers {
  const remember = async (result: EnrolResult): Promise<EnrolResult> => {
    if (result.added.length > 0) await writeHighlight(deps.session, result.added, deps.now());
    return result;
  };
  const live = async (sender: SenderInfo | undefined) => {
    const found = await readScanSession(deps.session, sender?.tab?.id, deps.now());
    if (!found) throw new KeeperError('scan-expired');
    return found;
  };

  return {
    'scan.start': async ({ tabId }) => {
      const target = await effects.prepareScanTab(tabId);
      await writeScanSession(deps.session, { ...target, startedAt: deps.now(), captures: 0 });
      try {
        await effects.injectScanScript(target.tabId);
      } catch {
        await writeScanSession(deps.session, null);
        throw new KeeperError('scan-not-allowed');
      }
      return { tabId: target.tabId };
    },
    'scan.capture': async (_payload, sender) => {
      const current = await live(sender);
      if (current.captures >= MAX_CAPTURES) throw new KeeperError('scan-expired');
      await writeScanSession(deps.session, { ...current, captures: current.captures + 1 });
      try {
        return { dataUrl: await effects.captureTab(current.tabId, current.windowId) };
      } catch {
        throw new KeeperError('capture-failed');
      }
    },
    'scan.decoded': async ({ text }, sender) => {
      await live(sender);
      const origin = sender ? scannedOrigin(sender) : undefined;
      // A code that cannot be enrolled is refused now, locked or not: the user can select another at once.
      readEnrolText(text);
      if ((await keeper.status()).vault !== 'unlocked') {
        await writePendingEnrolment(deps.session, { text, at: deps.now(), ...(origin ? { origin } : {}) });
        return { result: 'locked' };
      }
      const { added, labels, duplicates, skipped, batch } = await remember(await enroller.save(text, origin));
      return {
        result: 'added',
        added: added.length,
        labels,
        duplicates,
        skipped,
        ...(batch ? { batch } : {}),
      };
    },
    'scan.finished': async (_payload, sender) => {
      if (await readScanSession(deps.session, sender?.tab?.id, deps.now()))
        await writeScanSession(deps.session, null);
      return {};
    },
    'enrol.pending': async () => {
      const pending = await readPendingEnrolment(deps.session, deps.now());
      if (!pending) return null;
      // Dropped whatever happens next: a failure is shown once, and a retry would fail the same way.
      await writePendingEnrolment(deps.session, null);
      return remember(await enroller.save(pending.text, pending.origin));
    },
  };
}
