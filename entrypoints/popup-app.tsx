/**
 * The popup's application. An unlisted script, so that WXT builds it as one classic file (`/popup-app.js`):
 * popup.html loads one script instead of a module and the chunks it would share with the options page, each of
 * which costs a request and a compile on the start-up path. Its stylesheet is `/assets/pages.css` (entrypoints/pages.css).
 */
import { render } from 'preact';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { TargetTabContext, parseTargetTab } from '@/components/target-tab';
import { createClient, type ResponseOf } from '@/lib/messages';
import { copyText, sha256Hex } from '@/lib/platform/clipboard';
import { applyLanguageSetting, translate, uiLanguage } from '@/lib/platform/i18n';
import { takeEarlyLocal, takeEarlyReply, takeEarlySession } from '@/lib/platform/first-request';
import { listFromSession } from '@/lib/protocol/code-sheet';
import { openOptionsSection } from '@/lib/platform/pages';
import { requestOrigin } from '@/lib/platform/auto-fill';
import { SiteAccessContext } from '@/components/site-access';
import { PasskeyContext } from '@/components/passkey-context';
import { passkeyPort } from '@/lib/platform/passkey-port';
import { sendToBackground } from '@/lib/platform/runtime';
import { App } from './popup/App';

/** How long the first render waits for the codes, so that they are in the first frame instead of the second. */
const FIRST_FRAME_WAIT_MS = 60;
const UNLOCKED = { vault: 'unlocked', readOnly: false, recovered: false } as const;

export default defineUnlistedScript(() => {
  start();
});

function start(): void {
  const client = createClient(sendToBackground);
  // The popup's one start-up round trip, asked by popup-boot.js while this script was still loading (or now).
  const early = takeEarlyReply();
  const firstList = (early ? createClient(() => early) : client).call('codes.list', {});
  // The code sheet, if one reaches now: shown while the service worker starts; its answer follows.
  const fromSheet = takeEarlySession()?.then((items) => {
    const now = Date.now();
    const sheet = listFromSession(items, now);
    return sheet && { ...sheet, status: UNLOCKED, now, highlight: [] };
  });
  /** Copies, then asks the background to clear the clipboard in 30 s; says whether that was arranged. */
  async function copy(code: string): Promise<'copied' | 'copied-no-clear'> {
    await copyText(code);
    return client.call('clipboard.copied', { digest: await sha256Hex(code) }).then(
      () => 'copied' as const,
      () => 'copied-no-clear' as const,
    );
  }

  const targetTab = parseTargetTab(location.search);

  /** The toolbar popup closes so the page is free for the selection; a popup in a tab (`?tab=`) stays. */
  async function scan(): Promise<void> {
    await client.call('scan.start', targetTab === null ? {} : { tabId: targetTab });
    if (targetTab === null) window.close();
  }

  // The language chosen on the options page, if any (read side by side with the codes).
  const language = applyLanguageSetting(takeEarlyLocal());

  const passkeys = passkeyPort(location.search);

  function mount(initialList: ResponseOf<'codes.list'> | undefined, provisional: boolean): void {
    render(
      <I18nContext.Provider value={translate}>
        <ClientContext.Provider value={client}>
          <PasskeyContext.Provider value={passkeys}>
            <TargetTabContext.Provider value={targetTab}>
              <SiteAccessContext.Provider value={requestOrigin}>
                <App
                  copy={copy}
                  scan={scan}
                  openAddFromImage={() => void openOptionsSection('add-from-image')}
                  openBackup={() => void openOptionsSection('backup')}
                  openSync={() => void openOptionsSection('sync')}
                  openSettings={() => void openOptionsSection('')}
                  openImport={() => void openOptionsSection('import')}
                  afterFill={() => {
                    if (targetTab === null) window.close();
                  }}
                  firstList={firstList}
                  initialList={initialList}
                  provisional={provisional}
                />
              </SiteAccessContext.Provider>
            </TargetTabContext.Provider>
          </PasskeyContext.Provider>
        </ClientContext.Provider>
      </I18nContext.Provider>,
      document.getElementById('app')!,
    );
  }

  const answered = firstList.then(
    (list) => ({ list, provisional: false }),
    () => ({ list: undefined, provisional: false }),
  );
  void Promise.all([
    Promise.race([
      answered,
      fromSheet?.then(
        (list) => (list ? { list, provisional: true } : answered),
        () => answered,
      ) ?? answered,
      new Promise<{ list: undefined; provisional: false }>((resolve) =>
        setTimeout(() => resolve({ list: undefined, provisional: false }), FIRST_FRAME_WAIT_MS),
      ),
    ]),
    language,
  ]).then(([{ list, provisional }]) => {
    document.documentElement.lang = uiLanguage();
    document.title = translate('popup_title');
    mount(list, provisional);
  });
}
