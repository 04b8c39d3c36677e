/**
 * The demo server's side of the sign-in fixtures, without a browser: every page is served at its own path, and
 * a page with a code field takes a post at that path, reads the code from the fields its expectation names and
 * records it in /api/state's `logins` (a TOTP of the fixtures' account where a fill is expected; nothing is ever
 * accepted where the code was e-mailed or texted).
 */
import { describe, expect, it } from 'vitest';
import { SIGNIN_PAGES, signinPath, type SigninPage } from '@/demo/pages/fixtures/signin/index';
import type { DemoRequest, DemoState, Reply } from '@/demo/routes';
import { ROUTES } from '@/demo/server';
import { createDemoState } from '@/demo/state';
import { loginRecords } from '@/demo/submissions';
import { totp } from '@/demo/totp';

function call(state: DemoState, method: 'GET' | 'POST', path: string, form = new URLSearchParams()): Reply {
  const route = ROUTES.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no ${method} ${path}`);
  const req: DemoRequest = {
    method,
    url: new URL(path, 'http://127.0.0.1:8787'),
    form,
    state,
    origin: 'http://127.0.0.1:8787',
    otherOrigin: 'http://127.0.0.1:8788',
  };
  return route.handle(req);
}

/** The code spread over the page's fields: one digit each over six, else all in the one field. */
function formWith(page: SigninPage, code: string): URLSearchParams {
  const fields = page.expect.result === 'none' ? [] : page.expect.fields;
  const form = new URLSearchParams();
  fields.forEach((name, i) => form.set(name, fields.length === code.length ? code[i]! : i === 0 ? code : ''));
  return form;
}

const withCode = SIGNIN_PAGES.filter((p) => p.expect.result !== 'none');
const last = (state: DemoState, page: SigninPage) =>
  loginRecords(state)[signinPath(page.slug)]?.submissions.at(-1);

describe('sign-in fixtures on the demo server', () => {
  it.each(SIGNIN_PAGES.map((p) => [p.slug, p] as const))('%s: served at its own path', (_slug, page) => {
    const reply = call(createDemoState(), 'GET', signinPath(page.slug));
    expect(reply.status ?? 200).toBe(200);
    expect(String(reply.body)).toContain(`<html lang="${page.lang}">`);
    expect(String(reply.body)).toContain(page.body.slice(-200));
    if (page.script) expect(String(reply.body)).toContain(page.script.trim().slice(0, 40));
  });

  it('an index at /signin links every page', () => {
    const body = String(call(createDemoState(), 'GET', '/signin').body);
    for (const page of SIGNIN_PAGES) expect(body).toContain(`href="${signinPath(page.slug)}"`);
  });

  it.each(SIGNIN_PAGES.filter((p) => p.expect.result === 'fill').map((p) => [p.slug, p] as const))(
    '%s: the right TOTP in its fields is accepted and recorded; a wrong one is refused',
    (_slug, page) => {
      const state = createDemoState();
      const path = signinPath(page.slug);
      expect(loginRecords(state)[path]?.secret).toBe(state.secret);
      const code = totp(state.secret);
      const reply = call(state, 'POST', path, formWith(page, code));
      expect(last(state, page)).toMatchObject({
        code,
        ok: true,
        via: page.submit === 'script' ? 'script' : 'form',
      });
      expect(String(reply.body)).toMatch(page.submit === 'script' ? /"ok":true/ : /data-ok="true"/);
      call(state, 'POST', path, formWith(page, code === '000000' ? '111111' : '000000'));
      expect(last(state, page)).toMatchObject({ ok: false });
    },
  );

  it.each(withCode.filter((p) => p.expect.result !== 'fill').map((p) => [p.slug, p] as const))(
    '%s: a code sent by e-mail or text message is never a TOTP: recorded, refused',
    (_slug, page) => {
      const state = createDemoState();
      expect(loginRecords(state)[signinPath(page.slug)]?.secret).toBeNull();
      const code = totp(state.secret);
      call(state, 'POST', signinPath(page.slug), formWith(page, code));
      expect(last(state, page)).toMatchObject({ code, ok: false });
    },
  );

  it('pages without a code field take no post', () => {
    for (const page of SIGNIN_PAGES.filter((p) => p.expect.result === 'none')) {
      expect(ROUTES.some((r) => r.method === 'POST' && r.path === signinPath(page.slug))).toBe(false);
    }
  });
});
