/**
 * What the toolbar popup says after "Fill", as people see it, in English and Japanese, light and dark: the
 * question before filling a code sent by text message (a Google-like 2-Step page), and "the page did not take
 * the code" (a widget that takes digits from key presses only). Photographed into test-results/screenshots/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signinPath } from '../../demo/pages/fixtures/signin/index';
import { consoleSession, openActionPopup, type ConsoleSession } from './harness';

const OUT = resolve(__dirname, '../../test-results/screenshots');
const TREND = 'Trend Micro SaaS Account';
const TEXTS = {
  en: { sms: 'text message', notTaken: 'did not take the code' },
  ja: { sms: 'SMS', notTaken: '受け付けなかった' },
} as const;

const opened: ConsoleSession[] = [];
afterAll(async () => {
  for (const c of opened) await c.close().catch(() => undefined);
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['ja', 'light'],
  ['ja', 'dark'],
] as const)('fill outcomes in the popup (%s, %s)', (lang, scheme) => {
  it('the text-message question, and a page that did not take the code', async () => {
    await mkdir(OUT, { recursive: true });
    const c = await consoleSession('fill outcomes as pixels 2026', {
      locale: lang === 'ja' ? 'ja' : 'en-US',
      colorScheme: scheme,
    });
    opened.push(c);
    const shots: [string, string, string][] = [
      [signinPath('google-text-message-step'), '.fill-prompt', 'fill-sms-question'],
      ['/fixtures/react-otp?mode=keys', '.toast', 'fill-not-taken'],
    ];
    for (const [path, selector, name] of shots) {
      const page = await c.session.context.newPage();
      await page.goto(`${c.demo.url}${path}`);
      const popup = await openActionPopup(c.session.context, c.session.extensionId, page);
      await popup.clickInRow(TREND, 'fill');
      const text = await popup.textOf(selector);
      expect(text).toContain(name === 'fill-sms-question' ? TEXTS[lang].sms : TEXTS[lang].notTaken);
      await writeFile(join(OUT, `${lang}-${scheme}-${name}.png`), await popup.screenshot());
      await page.close();
    }
  });
});
