// Locates a Chromium-family browser (Chrome, Chromium, Edge) for the end-to-end tests and `npm start`.
//   import { findBrowser } from './find-browser.mjs';   // -> absolute path or null
//   node scripts/find-browser.mjs                        // prints the path, exit 1 if none
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Paths where Chrome, Chromium and Edge are usually installed on `platform`, most preferred first. */
export function candidatePaths(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')];
    const bundles = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    return apps.flatMap((dir) => bundles.map((bundle) => join(dir, bundle)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((root) => exes.map((exe) => `${root}\\${exe}`));
  }
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/var/lib/snapd/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
}

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to use: `CHROME_PATH` if set (it must exist), else the first installed candidate; null if none.
 * @returns {string | null}
 */
export function findBrowser(env = process.env, platform = process.platform) {
  if (env.CHROME_PATH) return isExecutable(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return candidatePaths(platform, env).find(isExecutable) ?? null;
}

/** What to tell a person who has no browser. */
export function noBrowserMessage(env = process.env) {
  const bad = env.CHROME_PATH ? `CHROME_PATH=${env.CHROME_PATH} is not an executable file.\n` : '';
  return (
    `${bad}No Chromium-family browser found (Google Chrome, Chromium or Microsoft Edge).\n` +
    'Install one (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH to its executable, e.g.\n' +
    '  CHROME_PATH=/usr/bin/chromium npm start'
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findBrowser();
  if (found) console.log(found);
  else {
    console.error(noBrowserMessage());
    process.exitCode = 1;
  }
}
