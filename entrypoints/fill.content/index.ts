/**
 * The fill content script. Injected on demand (activeTab) into the one document the popup saw, it receives only
 * the code, and fills only when its document's origin is the one the background checked. Registered on the
 * origins granted for automatic fill (after public/auto-fill-marker.js), it also watches for the code field
 * (auto-fill.ts). One script for both: they share the field finding that is most of their code.
 */
import { startAutoFill } from './auto-fill';
import { fillInPage } from './fill-in-page';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const world = globalThis as unknown as Record<string, unknown>;
    world.__sekimoriFill = fillInPage;
    startAutoFill(world);
  },
});
