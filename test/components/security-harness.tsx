/**
 * Helpers of the Security section's tests: the options page over the real background, with the site-access
 * request the page makes under the click recorded (and answered as the test says).
 */
import { render } from '@testing-library/preact';
import { ClientContext } from '@/components/client-context';
import { I18nContext } from '@/components/i18n';
import { SiteAccessContext, type RequestSiteAccess } from '@/components/site-access';
import { App } from '@/entrypoints/options/App';
import type { Client, MessageType } from '@/lib/messages';
import { translator } from '../support/translate';
import { readPng, type Lang } from './options-harness';

export function mountSecurity(
  client: Client,
  { lang = 'en', access = async () => true }: { lang?: Lang; access?: RequestSiteAccess } = {},
) {
  document.documentElement.lang = lang;
  return render(
    <I18nContext.Provider value={translator(lang)}>
      <ClientContext.Provider value={client}>
        <SiteAccessContext.Provider value={access}>
          <App readImage={readPng} />
        </SiteAccessContext.Provider>
      </ClientContext.Provider>
    </I18nContext.Provider>,
  );
}

/** The client with the message types it was asked, in order (to show what was never sent). */
export function recording(client: Client): { client: Client; sent: MessageType[] } {
  const sent: MessageType[] = [];
  return {
    sent,
    client: {
      call(type, payload) {
        sent.push(type);
        return client.call(type, payload);
      },
    },
  };
}
