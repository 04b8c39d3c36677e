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
import { takeEarlyReply } from '@/lib/platform/first-request';
import { openOptionsSection } from '@/lib/platform/pages';
import { requestOrigin } from '@/lib/platform/auto-fill';
import { SiteAccessContext } from '@/components/site-access';
import { PasskeyContext } from '@/components/passkey-context';
import { passkeyPort } from '@/lib/platform/passkey-port';
import { sendToBackground } from '@/lib/platform/runtime';
import { App } from './popup/App';

/** How long the first render waits for the codes, so that they are in the first frame instead of the second. */
const FIRST_FRAME_WAIT_MS = 60;

export default defineUnlistedScript(() => {
  start();
});

function start(): void {
  const client = createClient(sendToBackground);
  // The popup's one start-up round trip, asked by popup-boot.js while this script was still loading (or now).
  const early = takeEarlyReply();
  const firstList = (early ? createClient(() => early) : client).call('codes.list', {});
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
  const language = applyLanguageSetting();

  const passkeys = passkeyPort(location.search);

  function mount(initialList: ResponseOf<'codes.list'> | undefined): void {
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
                  openSettings={() => void openOptionsSection('')}
                  openImport={() => void openOptionsSection('import')}
                  afterFill={() => {
                    if (targetTab === null) window.close();
                  }}
                  firstList={firstList}
                  initialList={initialList}
                />
              </SiteAccessContext.Provider>
            </TargetTabContext.Provider>
          </PasskeyContext.Provider>
        </ClientContext.Provider>
      </I18nContext.Provider>,
      document.getElementById('app')!,
    );
  }

  void Promise.all([
    Promise.race([
      firstList.catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
    ]),
    language,
  ]).then(([list]) => {
    document.documentElement.lang = uiLanguage();
    document.title = translate('popup_title');
    mount(list);
  });
}
