/** A demo server's in-memory state, and the JSON view of it that tests read at `/api/state`. */
import { randomInt } from 'node:crypto';
import type { Account } from '../lib/otp/account';
import { adminUri, newAdmins } from './pages/admins';
import { APP_DOWNLOAD_URL } from './pages/app-download';
import { WORK_ACCOUNT_ACTIVATION } from './pages/microsoft';
import { EMAIL_ADDRESS, servicenowUri } from './pages/servicenow';
import { newTransfer } from './pages/transfer';
import { otpauthUri } from './pages/trend';
import { webrootCard, webrootUri } from './pages/webroot';
import type { DemoState } from './routes';
import type { Rect } from './setup-card';
import { loginRecords, type LoginRecord } from './submissions';
import { randomSecret } from './totp';

/** A random six-digit code, as the consoles e-mail them. */
export function emailedCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Fresh secrets and codes for one server run (`urls` is filled in once the listeners have their ports). */
export function createDemoState(): DemoState {
  return {
    secret: randomSecret(10),
    enrolled: false,
    emergencyCode: emailedCode(),
    webroot: { secret: randomSecret(10), verified: false, completed: false },
    transfer: newTransfer(randomInt(-(2 ** 31), 2 ** 31)),
    admins: newAdmins(),
    servicenow: { secret: randomSecret(10), emailCode: emailedCode() },
    submissions: new Map(),
    urls: { main: '', other: '' },
  };
}

/** One QR image the demo serves: the page showing it, the image URL, and the text it encodes. */
export interface QrImage {
  page: string;
  image: string;
  text: string;
  /** Where the QR code lies inside a larger image (image pixels); absent when the image is the QR code. */
  region?: Rect;
}

/** The body of `GET /api/state`. */
export interface PublicState {
  /** The Trend-like console's secret, enrolment flag and e-mailed emergency code. */
  secret: string;
  enrolled: boolean;
  emergencyCode: string;
  webroot: {
    secret: string;
    uri: string;
    verified: boolean;
    completed: boolean;
    /** The setup card image's size, and where its QR code is in it (image pixels). */
    card: { width: number; height: number };
    qr: Rect;
  };
  transfer: { batchId: number; uris: string[]; accounts: Account[] };
  admins: { issuer: string; account: string; secret: string; uri: string }[];
  /** The web link of /app/download's QR code. */
  appLink: string;
  /** The Microsoft work-account activation text of /microsoft/activate's QR code. */
  workAccount: string;
  /** Every QR image of every page. */
  qrCodes: QrImage[];
  /** The ServiceNow-like portal: its authenticator secret and URI, and the code it "e-mailed" to `email`. */
  servicenow: { secret: string; uri: string; emailCode: string; email: string };
  /** The second listener's base URL: another origin serving every page (the lookalike, the trap frame). */
  otherUrl: string;
  /** Every login page by the path its form posts to: the secret it checks and every code sent to it. */
  logins: Record<string, LoginRecord>;
}

export function publicState(state: DemoState): PublicState {
  const card = webrootCard(state);
  const trend = otpauthUri(state.secret);
  const webroot = webrootUri(state.webroot.secret);
  const admins = state.admins.map((admin) => ({ ...admin, uri: adminUri(admin) }));
  const qrCodes: QrImage[] = [
    { page: '/trend/enrol', image: '/trend/enrol/qr.png?theme=light', text: trend },
    { page: '/trend/enrol', image: '/trend/enrol/qr.png?theme=dark', text: trend },
    { page: '/webroot/2fa', image: '/webroot/2fa/card.png', text: webroot, region: card.qr },
    ...state.transfer.uris.map((text, i) => ({
      page: '/google/transfer',
      image: `/google/transfer/qr.png?part=${i + 1}`,
      text,
    })),
    ...admins.map(({ uri }, i) => ({
      page: '/portal/admins',
      image: `/portal/admins/qr.png?n=${i + 1}`,
      text: uri,
    })),
    { page: '/app/download', image: '/app/download/qr.png', text: APP_DOWNLOAD_URL },
    { page: '/microsoft/activate', image: '/microsoft/activate/qr.png', text: WORK_ACCOUNT_ACTIVATION },
  ];
  return {
    secret: state.secret,
    enrolled: state.enrolled,
    emergencyCode: state.emergencyCode,
    webroot: {
      ...state.webroot,
      uri: webroot,
      card: { width: card.width, height: card.height },
      qr: card.qr,
    },
    transfer: {
      batchId: state.transfer.batchId,
      uris: [...state.transfer.uris],
      accounts: state.transfer.accounts.map((a) => ({ ...a })),
    },
    admins,
    appLink: APP_DOWNLOAD_URL,
    workAccount: WORK_ACCOUNT_ACTIVATION,
    qrCodes,
    servicenow: {
      ...state.servicenow,
      uri: servicenowUri(state.servicenow.secret),
      email: EMAIL_ADDRESS,
    },
    otherUrl: state.urls.other,
    logins: loginRecords(state),
  };
}
