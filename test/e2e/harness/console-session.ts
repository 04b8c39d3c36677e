/** The demo console and Sekimori with a vault holding the console's Trend-like account, bound to its origin. */
import { startDemoServer, type DemoServer } from '../../../demo/server';
import {
  E2E_EXTENSION,
  launchExtension,
  type ExtensionSession,
  type LaunchExtensionOptions,
} from './extension';
import { askBackground } from './messages';

export interface ConsoleSession {
  demo: DemoServer;
  session: ExtensionSession;
  /** The Trend-like account, enrolled from the demo's enrolment QR code and bound to the demo's origin. */
  accountId: string;
  close(): Promise<void>;
}

export async function consoleSession(
  password: string,
  options: Pick<LaunchExtensionOptions, 'locale' | 'colorScheme'> = {},
): Promise<ConsoleSession> {
  const demo = await startDemoServer({ port: 0 });
  const session = await launchExtension({ extensionPath: E2E_EXTENSION, ...options });
  // Through the background, so it works whatever the UI's language (createVaultInPopup speaks English).
  await askBackground(session, 'vault.create', { password });
  const uri = demo.state().qrCodes.find((q) => q.page === '/trend/enrol')!.text;
  const { added } = (await askBackground(session, 'enrol.save', { text: uri })) as { added: string[] };
  await askBackground(session, 'account.bind', { id: added[0]!, origin: new URL(demo.url).origin });
  return {
    demo,
    session,
    accountId: added[0]!,
    async close() {
      await session.close();
      await demo.close();
    },
  };
}

/** A step that names itself when it hangs (instead of the test's own timeout). */
export function step<T>(what: string, promise: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step "${what}" took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
