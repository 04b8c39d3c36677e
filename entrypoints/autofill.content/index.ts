/**
 * The automatic-fill content script: registered only on the origins the user granted for "Fill automatically
 * on this site" (never declared in the manifest). It looks for one confident, empty code field — now, and as
 * the page changes, for a while — and then asks the background once. It never receives the code: the
 * background fills this very document through the fill script, exactly as a "Fill" click would. It injects no
 * UI and submits nothing.
 */
import { createClient } from '@/lib/messages';
import { sendToBackground } from '@/lib/platform/runtime';
import { watchForCodeField } from './watch';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const client = createClient(sendToBackground);
    watchForCodeField(document, () => void client.call('fill.auto', {}).catch(() => undefined));
  },
});
