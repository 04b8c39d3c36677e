/**
 * What the login pages were sent: every code submitted to a page that asks for one, whether the server took
 * it, and from which origin. Tests read it at `/api/state` (`logins`).
 */
import { SIGNIN_LOGIN_PAGES } from './pages/fixtures/signin/index';
import type { DemoRequest, DemoState } from './routes';

/** One code that reached a login page. */
export interface Submission {
  /** The code as sent (the field's text, not normalised). */
  code: string;
  /** Whether the server accepted it. */
  ok: boolean;
  /** The origin the page was served from, e.g. `http://127.0.0.1:8787` (the lookalike's own when it is one). */
  origin: string;
  /** `form`: the page's form was submitted; `script`: the page's own script saw the code in its field. */
  via: 'form' | 'script';
}

/** Which code a login page accepts. */
type Expects = 'trend' | 'webroot' | 'servicenow' | 'e-mail' | 'nothing';

/** Every page that takes a code, by the path its form posts to. */
export const LOGIN_PAGES: Record<string, Expects> = {
  '/trend/login': 'trend',
  '/trend/emergency': 'e-mail',
  '/webroot/login': 'webroot',
  '/servicenow/mfa': 'servicenow',
  '/servicenow/email-code': 'e-mail',
  '/fixtures/split': 'trend',
  '/fixtures/react-otp': 'trend',
  '/fixtures/controlled': 'trend',
  '/fixtures/shadow': 'trend',
  '/fixtures/iframe/inner': 'trend',
  '/fixtures/trap-inner': 'nothing',
  ...SIGNIN_LOGIN_PAGES,
};

/** One login page in `/api/state`: the TOTP secret it checks (null: it takes no TOTP) and what it was sent. */
export interface LoginRecord {
  secret: string | null;
  submissions: Submission[];
}

function secretOf(state: DemoState, expects: Expects): string | null {
  if (expects === 'trend') return state.secret;
  if (expects === 'webroot') return state.webroot.secret;
  if (expects === 'servicenow') return state.servicenow.secret;
  return null;
}

/** Remembers a code sent to the login page at `path`. */
export function recordSubmission(
  req: DemoRequest,
  path: string,
  code: string,
  ok: boolean,
  via: Submission['via'] = 'form',
): void {
  const list = req.state.submissions.get(path) ?? [];
  list.push({ code, ok, origin: req.origin, via });
  req.state.submissions.set(path, list);
}

/** Every login page with its secret and submissions (empty lists included). */
export function loginRecords(state: DemoState): Record<string, LoginRecord> {
  const records: Record<string, LoginRecord> = {};
  for (const [path, expects] of Object.entries(LOGIN_PAGES)) {
    const submissions = (state.submissions.get(path) ?? []).map((s) => ({ ...s }));
    records[path] = { secret: secretOf(state, expects), submissions };
  }
  return records;
}
