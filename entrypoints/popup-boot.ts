/** Classic script in the popup's <head>: asks for the codes before the popup's app script has loaded. */
import { askEarly } from '@/lib/platform/first-request';

export default defineUnlistedScript(() => {
  askEarly({ type: 'codes.list', payload: {} });
});
