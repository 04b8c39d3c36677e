/** Find the code field of this page (lib/autofill) and fill it, unless the page is not the expected site. */
import { fillCode, findCodeTarget } from '@/lib/autofill';
import type { PageFill } from '@/lib/messages';

export async function fillInPage(
  expectedOrigin: string,
  code: string,
  allowEmailCode: boolean,
): Promise<PageFill> {
  const origin = location.origin;
  const none = { origin, found: false, emailCode: false, filled: false };
  if (origin !== expectedOrigin || !/^\d{4,10}$/.test(code)) return none;
  const target = findCodeTarget(document, { focused: document.activeElement });
  if (!target) return none;
  if (target.emailCode && !allowEmailCode) return { origin, found: true, emailCode: true, filled: false };
  return { origin, found: true, emailCode: target.emailCode, filled: await fillCode(target, code) };
}
