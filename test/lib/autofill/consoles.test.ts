// @vitest-environment happy-dom
/** The consoles' real 2FA screens (consoles.md): found, formatted and told apart from e-mailed codes. */
import { describe, expect, it } from 'vitest';
import { fillCode, findCodeTarget } from '@/lib/autofill';
import {
  LOGIN_PAGE,
  SERVICENOW_EMAIL,
  SERVICENOW_TOTP,
  TREND_EMERGENCY,
  TREND_LOGIN,
  WEBROOT_SETUP,
} from './console-pages';
import { byId, showPage, styleMeasure } from './page';

const measure = styleMeasure;

describe('the consoles’ authenticator screens', () => {
  it.each([
    ['Trend Micro login (「6桁のコード」, 「送信」)', TREND_LOGIN, 'tm-code', 'digits'],
    ['Webroot setup (「認証コードを確認する」)', WEBROOT_SETUP, 'wr-code', 'digits'],
    ['ServiceNow authenticator (「6桁の検証コード」, XXX-XXX)', SERVICENOW_TOTP, 'sn-code', 'grouped-3-3'],
  ])('%s: the code field, surely, not an e-mailed code', (_name, html, id, format) => {
    showPage(html);
    expect(findCodeTarget(document, { measure })).toEqual({
      kind: 'single',
      input: byId(id),
      format,
      confidence: 'high',
      emailCode: false,
    });
  });

  it('ServiceNow: fills 123-456 into the XXX-XXX field', async () => {
    showPage(SERVICENOW_TOTP);
    const target = findCodeTarget(document, { measure });
    expect(target && (await fillCode(target, '123456', { settleMs: 1 }))).toBe(true);
    expect(byId('sn-code').value).toBe('123-456');
    expect(byId('sn-trust').checked).toBe(false);
  });

  it('ServiceNow e-mail screen: the field is found, but flagged as an e-mailed code', () => {
    showPage(SERVICENOW_EMAIL);
    expect(findCodeTarget(document, { measure })).toMatchObject({
      kind: 'single',
      input: byId('sn-mail-code'),
      format: 'digits',
      emailCode: true,
    });
  });

  it.each([
    ['Trend Micro’s e-mailed emergency access code', TREND_EMERGENCY],
    ['the user ID + password step', LOGIN_PAGE],
  ])('%s: nothing to fill', (_name, html) => {
    showPage(html);
    expect(findCodeTarget(document, { measure })).toBeNull();
  });
});
