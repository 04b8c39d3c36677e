/** The scan content script: injected on demand (activeTab) into the top frame of the tab the user chose. */
import { runScan } from './scan';

const RUNNING = Symbol.for('sekimori.scan');
type Flagged = typeof globalThis & { [RUNNING]?: boolean };

export default defineContentScript({
  registration: 'runtime',
  main() {
    // One scan at a time: injecting again while a scan runs (a second click) does nothing.
    const self = globalThis as Flagged;
    if (self[RUNNING]) return;
    self[RUNNING] = true;
    void runScan().finally(() => (self[RUNNING] = false));
  },
});
