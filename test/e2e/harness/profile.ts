/** Chromium profile directories: preferences written before launch, and searching what ended up on disk. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Turns on developer mode in `<profile>/Default/Preferences` (merging with what is there), so that
 * `chrome.runtime.reload()` of an extension loaded with `--load-extension` leaves it enabled.
 */
export async function enableDeveloperMode(profileDir: string): Promise<void> {
  const dir = join(profileDir, 'Default');
  const file = join(dir, 'Preferences');
  await mkdir(dir, { recursive: true });
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // no profile yet (or an unreadable one): start from nothing
  }
  const extensions = (prefs.extensions ?? {}) as Record<string, unknown>;
  const ui = (extensions.ui ?? {}) as Record<string, unknown>;
  prefs.extensions = { ...extensions, ui: { ...ui, developer_mode: true } };
  await writeFile(file, JSON.stringify(prefs));
}

/** The byte patterns a needle may be stored as: UTF-8, UTF-16LE, and percent-encoded (both hex cases). */
export function needleForms(needle: string): Buffer[] {
  const encoded = encodeURIComponent(needle);
  const texts = new Set([needle, encoded, encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())]);
  return [...texts].flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // vanished or unreadable while the browser runs
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Every file under `dir` (recursively, binary-safe) that contains any of `needles` in any of the forms of
 * {@link needleForms}. Use it after closing the browser (or at least after the data was flushed) to prove
 * that a secret never reached the disk in clear. Note: LevelDB's `.ldb` tables are Snappy-compressed; a
 * unique string stays a literal there, but a repeated one can become a back-reference.
 */
export async function searchProfileFor(dir: string, needles: string[]): Promise<string[]> {
  const patterns = needles.filter((n) => n.length > 0).flatMap(needleForms);
  const hits: string[] = [];
  for await (const file of walk(dir)) {
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      continue;
    }
    if (patterns.some((pattern) => data.includes(pattern))) hits.push(file);
  }
  return hits.sort();
}

/**
 * Grants an installed extension host access to `origins` in a closed profile, as the browser records a "Allow"
 * answered in its permission prompt (which no automation can click): the grant in `Default/Preferences`.
 * The extension must have been loaded in this profile once (its settings exist) and must list the origins as
 * optional host permissions. Chromium only; the browser must not be running.
 */
export async function grantHostAccess(
  profileDir: string,
  extensionId: string,
  origins: string[],
): Promise<void> {
  const file = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8')) as {
    extensions?: { settings?: Record<string, Record<string, unknown>> };
  };
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`extension ${extensionId} was never loaded in ${profileDir}`);
  const patterns = origins.map((origin) => `${origin}/*`);
  const withHosts = (set: unknown) => {
    const current = (set ?? {}) as { explicit_host?: string[] };
    return {
      api: [],
      manifest_permissions: [],
      scriptable_host: [],
      ...current,
      explicit_host: [...new Set([...(current.explicit_host ?? []), ...patterns])],
    };
  };
  settings.granted_permissions = withHosts(settings.granted_permissions);
  settings.active_permissions = withHosts(settings.active_permissions);
  settings.runtime_granted_permissions = withHosts(settings.runtime_granted_permissions);
  await writeFile(file, JSON.stringify(prefs));
}
