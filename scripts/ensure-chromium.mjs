// Makes sure a Chromium-family browser is there before the end-to-end tests (`npm run test:e2e`).
// Found (see find-browser.mjs): exit 0. Missing on Linux as root with apt-get (CI, fresh machines):
// `apt-get update && apt-get install -y chromium`, then check again. Otherwise: say how to get one, exit 1.
// On Linux it also installs, when apt-get can and they are missing, Japanese fonts (fonts-noto-cjk: screenshots
// of the Japanese demo pages show text, not empty boxes) and Debian's Chromium translations (chromium-l10n:
// without them `--lang=ja` is ignored and chrome.i18n stays in English). Those extras never fail the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, noBrowserMessage } from './find-browser.mjs';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function canApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && has('apt-get');
}

const JAPANESE_FONT_PACKAGES = [
  'fonts-noto-cjk',
  'fonts-ipafont-gothic',
  'fonts-takao-gothic',
  'fonts-vlgothic',
];

function hasJapaneseFont() {
  if (process.platform !== 'linux') return true; // macOS and Windows ship Japanese fonts
  if (has('fc-list')) {
    const result = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
    return result.status === 0 && result.stdout.trim() !== '';
  }
  if (!has('dpkg-query')) return true; // no way to tell: not our business
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}\\n', ...JAPANESE_FONT_PACKAGES], {
    encoding: 'utf8',
  });
  return result.stdout.includes('install ok installed');
}

// Debian's chromium ships only en-US.pak; the other UI languages come with chromium-l10n.
function lacksDebianTranslations(browser) {
  return browser === '/usr/bin/chromium' && existsSync('/usr/lib/chromium/locales/en-US.pak')
    ? !existsSync('/usr/lib/chromium/locales/ja.pak')
    : false;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

let updated = false;
function aptInstall(packages) {
  console.log(`ensure-chromium: installing ${packages.join(', ')} with apt-get`);
  if (!updated && !run('apt-get', ['update'])) return false;
  updated = true;
  return run('apt-get', ['install', '-y', ...packages]);
}

function install(packages) {
  if (packages.length === 0) return;
  if (canApt()) {
    if (!aptInstall(packages)) console.error('ensure-chromium: apt-get failed');
  } else {
    console.warn(`ensure-chromium: missing ${packages.join(', ')}; install them with your package manager`);
  }
}

const browser = findBrowser();
if (!browser && !process.env.CHROME_PATH) install(['chromium', 'chromium-l10n']);
else if (browser && lacksDebianTranslations(browser)) install(['chromium-l10n']);
// Checked after the browser's install, which brings fontconfig along.
if (!hasJapaneseFont()) install(['fonts-noto-cjk']);

const found = findBrowser();
if (found) {
  console.log(`ensure-chromium: using ${found}`);
} else {
  console.error(noBrowserMessage());
  process.exitCode = 1;
}
