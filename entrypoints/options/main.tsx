import { render } from 'preact';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { ignoreStrayDrops } from '@/components/image-input';
import { PasskeyContext } from '@/components/passkey-context';
import { SiteAccessContext } from '@/components/site-access';
import { passkeyPort } from '@/lib/platform/passkey-port';
import { createClient } from '@/lib/messages';
import { requestOrigin } from '@/lib/platform/auto-fill';
import {
  applyLanguageSetting,
  readLanguageSetting,
  translate,
  uiLanguage,
  writeLanguageSetting,
} from '@/lib/platform/i18n';
import { sendToBackground } from '@/lib/platform/runtime';
import { App } from './App';

ignoreStrayDrops(document);

const language = { read: readLanguageSetting, write: writeLanguageSetting };

void applyLanguageSetting().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = translate('options_title');
  render(
    <I18nContext.Provider value={translate}>
      <ClientContext.Provider value={createClient(sendToBackground)}>
        <SiteAccessContext.Provider value={requestOrigin}>
          <PasskeyContext.Provider value={passkeyPort(location.search)}>
            <App language={language} />
          </PasskeyContext.Provider>
        </SiteAccessContext.Provider>
      </ClientContext.Provider>
    </I18nContext.Provider>,
    document.getElementById('app')!,
  );
});
