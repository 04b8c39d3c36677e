/**
 * Classic script in the popup's <head>: asks for the codes before the popup's app script has loaded, and reads
 * the code sheet written ahead (shown at once while the service worker starts).
 */
import { askEarly } from '@/lib/platform/first-request';
import { LANGUAGE_SETTING_KEY } from '@/lib/platform/language-key';
import { CODE_SHEET_READ } from '@/lib/protocol/code-sheet';

export default defineUnlistedScript(() => {
  askEarly({ type: 'codes.list', payload: {} }, CODE_SHEET_READ, [LANGUAGE_SETTING_KEY]);
});
