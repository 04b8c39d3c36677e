/** Fills the real extension: creates the vault and adds the accounts through the message protocol. */
import type { ExtensionSession } from '../test/e2e/harness';
import { seedScript } from './page-scripts';

/** From a popup page (an extension page, as the real popup is): 'vault.create', then one 'account.add' each. */
export async function seedVault(
  session: ExtensionSession,
  password: string,
  drafts: readonly unknown[],
): Promise<number> {
  const page = await session.openPopup();
  try {
    const count = (await page.evaluate(seedScript(password, drafts))) as number;
    if (count !== drafts.length) throw new Error(`seeded ${count} of ${drafts.length} accounts`);
    return count;
  } finally {
    await page.close();
  }
}
