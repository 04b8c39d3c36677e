/**
 * The fill content script: injected on demand (activeTab) into the one document the popup saw. It receives
 * only the code, and fills only when its document's origin is the one the background checked.
 */
import { fillInPage } from './fill-in-page';

export default defineContentScript({
  registration: 'runtime',
  main() {
    (globalThis as unknown as Record<string, unknown>).__sekimoriFill = fillInPage;
  },
});
