/** The small routing vocabulary shared by the page families. */
import type { Account } from '../lib/otp/account';
import type { Submission } from './submissions';

/** What one demo server keeps in memory for its lifetime. */
export interface DemoState {
  /** Base32 TOTP secret (10 random bytes, 16 characters), new at every server start. */
  secret: string;
  /** Set once the enrolment page accepted a code. */
  enrolled: boolean;
  /** The code the "e-mailed" emergency access page expects (never a TOTP). */
  emergencyCode: string;
  /** The Webroot-like 2FA setup: its own secret, and how far the admin got. */
  webroot: { secret: string; verified: boolean; completed: boolean };
  /** The Google-Authenticator-like transfer export: its accounts and the URIs of its QR codes. */
  transfer: { batchId: number; accounts: Account[]; uris: string[] };
  /** The two shared admin accounts whose enrolment QR codes are shown side by side. */
  admins: { issuer: string; account: string; secret: string }[];
  /** The ServiceNow-like portal: its authenticator secret and the code it "e-mailed" (never a TOTP). */
  servicenow: { secret: string; emailCode: string };
  /** Every code submitted to a login page, by the page's path, oldest first. */
  submissions: Map<string, Submission[]>;
  /** The base URLs of the two listeners (the second one is another origin serving the same pages). */
  urls: { main: string; other: string };
}

export interface DemoRequest {
  method: string;
  url: URL;
  /** The urlencoded form body of a POST (empty for GET). */
  form: URLSearchParams;
  state: DemoState;
  /** The origin the browser asked for (`http://` and the Host header), e.g. `http://localhost:8787`. */
  origin: string;
  /** The base URL of the listener that did not receive this request: always another origin. */
  otherOrigin: string;
}

export interface Reply {
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(req: DemoRequest): Reply;
}

export function html(body: string, status = 200): Reply {
  return { status, type: 'text/html; charset=utf-8', body };
}

export function json(value: unknown, status = 200): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

/** A 303 redirect (after a POST, as the vendor consoles do). */
export function redirect(location: string): Reply {
  return { status: 303, headers: { location }, body: '' };
}
