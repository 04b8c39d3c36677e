// Makes sure a Firefox (138 or newer: WebDriver BiDi `webExtension.install`) is there before the Firefox tests
// (`npm run test:firefox`). FIREFOX_PATH, else /usr/bin/firefox-esr or /usr/bin/firefox. Missing on Linux as root
// with apt-get (CI, fresh machines): `apt-get install -y firefox-esr firefox-esr-l10n-ja` (Debian's ESR and its
// Japanese language pack, without which the Japanese run sees an English UI), then check again. Otherwise: say
// how to get one, exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
const find = () => CANDIDATES.find((p) => !!p && existsSync(p));
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const canApt = () => process.platform === 'linux' && process.getuid?.() === 0 && has('apt-get');
const JA_PACK = '/usr/lib/firefox-esr/browser/extensions/langpack-ja@firefox-esr.mozilla.org.xpi';

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return (
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0
  );
}

function install(packages) {
  if (!canApt()) {
    console.warn(`ensure-firefox: missing ${packages.join(', ')}; install them with your package manager`);
    return;
  }
  console.log(`ensure-firefox: installing ${packages.join(', ')} with apt-get`);
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', ...packages]))
    console.error('ensure-firefox: apt-get failed');
}

const found = find();
if (!found) install(['firefox-esr', 'firefox-esr-l10n-ja']);
else if (found === '/usr/bin/firefox-esr' && !existsSync(JA_PACK)) install(['firefox-esr-l10n-ja']);

const browser = find();
if (browser) {
  console.log(`ensure-firefox: using ${browser}`);
} else {
  console.error(
    'No Firefox found: set FIREFOX_PATH to a Firefox 138 or newer, or on Debian `apt-get install firefox-esr firefox-esr-l10n-ja`.',
  );
  process.exitCode = 1;
}
