/** The organisation's policy from managed storage (Chrome/Edge: group policy / JSON; Firefox: policies.json). */
import { browser } from 'wxt/browser';
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../policy/policy';

/** Read at every use (cheap): a policy pushed while the browser runs applies at once. */
export async function readManagedPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    return DEFAULT_POLICY; // no managed storage here (e.g. Firefox without a policy): the defaults
  }
}
