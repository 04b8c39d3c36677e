/**
 * One Chromium for the browser measurements: a fresh temporary profile, the unpacked extension, and on the way
 * out (also on Ctrl-C) the browser closed and the profile removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension, type ExtensionSession } from '../test/e2e/harness';

async function removeProfile(dir: string): Promise<void> {
  // Chromium's helpers can still be writing for a moment after the browser closed.
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

export async function withExtension<T>(
  extensionPath: string,
  task: (session: ExtensionSession) => Promise<T>,
): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'sekimori-bench-'));
  let session: ExtensionSession | undefined;
  const interrupted = () => {
    void (session?.close() ?? Promise.resolve())
      .then(() => removeProfile(profile))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    // A popup is at most 800 × 600.
    session = await launchExtension({
      extensionPath,
      userDataDir: profile,
      windowSize: { width: 800, height: 600 },
    });
    return await task(session);
  } finally {
    await session?.close();
    await removeProfile(profile);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
