/**
 * The demo console: a small HTTP server on loopback that imitates the two-factor screens of the vendor
 * consoles our users administer, and checks codes with its own TOTP implementation.
 *
 * A second listener on another port serves the same pages as another origin (lookalikes, cross-origin frames).
 *
 *   tsx demo/server.ts [--port 8787] [--other-port 0] [--host 127.0.0.1]
 */
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { page } from './html';
import { adminsRoutes } from './pages/admins';
import { appDownloadRoutes } from './pages/app-download';
import { fixtureRoutes } from './pages/fixtures/index';
import { homeRoutes, LINKS } from './pages/home';
import { microsoftRoutes } from './pages/microsoft';
import { servicenowRoutes } from './pages/servicenow';
import { transferRoutes } from './pages/transfer';
import { trendRoutes } from './pages/trend';
import { webrootRoutes } from './pages/webroot';
import { webrootLoginRoutes } from './pages/webroot-login';
import { html, type DemoRequest, type DemoState, type Reply, type Route } from './routes';
import { createDemoState, publicState, type PublicState } from './state';

/** Every route of the demo console. A new page family adds its module's table here. */
export const ROUTES: Route[] = [
  ...homeRoutes,
  ...trendRoutes,
  ...webrootRoutes,
  ...webrootLoginRoutes,
  ...servicenowRoutes,
  ...transferRoutes,
  ...adminsRoutes,
  ...appDownloadRoutes,
  ...microsoftRoutes,
  ...fixtureRoutes,
];

const MAX_BODY = 16 * 1024;

export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /**
   * The second listener's base URL, e.g. `http://127.0.0.1:8788`: another origin serving the same pages and
   * state. `${otherUrl}/trend/login` is the lookalike login; `/fixtures/cross-frame` frames its trap from here.
   */
  otherUrl: string;
  otherPort: number;
  /** This run's Base32 TOTP secret of the Trend-like console. */
  secret: string;
  /** This run's Base32 TOTP secret of the Webroot-like 2FA setup (differs from `secret`). */
  webrootSecret: string;
  /** This run's Base32 TOTP secret of the ServiceNow-like portal's authenticator step. */
  servicenowSecret: string;
  /**
   * Everything `GET /api/state` answers: every secret, the transfer accounts, every QR image's text, and
   * every code sent to a login page (`logins`).
   */
  state(): PublicState;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The second listener's port (another origin); 0 (the default) picks a free port. */
  otherPort?: number;
  /** Defaults to 127.0.0.1: the demo is never reachable from other machines. */
  host?: string;
}

function notFound(): Reply {
  const body = `<div class="card"><h1>ページが見つかりません</h1>
<p>お探しのページは存在しないか、移動した可能性があります。</p><p><a href="/">トップへ戻る</a></p></div>`;
  return html(page({ title: 'ページが見つかりません', body, narrow: true }), 404);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status ?? 200, {
    'content-type': reply.type ?? 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...reply.headers,
  });
  res.end(reply.body);
}

/** Which listener a request came to: its own base URL and the other one's. */
interface Listener {
  self: string;
  other: string;
}

async function handle(
  state: DemoState,
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const method = req.method ?? 'GET';
  if (url.pathname === '/favicon.ico') return send(res, { status: 204, body: '' });
  const onPath = ROUTES.filter((route) => route.path === url.pathname);
  const route = onPath.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
  if (!route) {
    if (onPath.length === 0) return send(res, notFound());
    const allow = onPath.map((r) => r.method).join(', ');
    return send(res, { status: 405, headers: { allow }, body: 'method not allowed' });
  }
  const form = method === 'POST' ? await readForm(req) : new URLSearchParams();
  const origin = req.headers.host ? `http://${req.headers.host}` : listener.self;
  const request: DemoRequest = { method, url, form, state, origin, otherOrigin: listener.other };
  send(res, route.handle(request));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * Starts a demo console with fresh random secrets: two listeners on `host` (two origins) sharing one state.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const state: DemoState = createDemoState();
  const serverFor = (listener: () => Listener) =>
    createServer((req, res) => {
      handle(state, listener(), req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, { status: 400, body: String(error) });
        else res.destroy();
      });
    });
  const main = serverFor(() => ({ self: state.urls.main, other: state.urls.other }));
  const other = serverFor(() => ({ self: state.urls.other, other: state.urls.main }));
  const port = await listen(main, opts.port ?? 0, host);
  let otherPort: number;
  try {
    otherPort = await listen(other, opts.otherPort ?? 0, host);
  } catch (error) {
    await closeServer(main);
    throw error;
  }
  state.urls = { main: `http://${hostInUrl}:${port}`, other: `http://${hostInUrl}:${otherPort}` };
  return {
    url: state.urls.main,
    port,
    otherUrl: state.urls.other,
    otherPort,
    secret: state.secret,
    webrootSecret: state.webroot.secret,
    servicenowSecret: state.servicenow.secret,
    state: () => publicState(state),
    close: async () => {
      await Promise.all([closeServer(main), closeServer(other)]);
    },
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The command line: starts a server, prints where it is, stops on Ctrl+C. */
export async function runCli(args: string[] = process.argv.slice(2)): Promise<DemoServer> {
  const port = Number(option(args, '--port') ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  const otherPort = Number(option(args, '--other-port') ?? 0);
  if (!Number.isInteger(otherPort) || otherPort < 0 || otherPort > 65535)
    throw new Error(`invalid port: ${otherPort}`);
  const demo = await startDemoServer({ port, otherPort, host: option(args, '--host') ?? '127.0.0.1' });
  console.log(`Sekimori demo console: ${demo.url}/`);
  for (const link of LINKS) console.log(`  ${demo.url}${link.href}  ${link.en}`);
  console.log(`  ${demo.otherUrl}/trend/login  Lookalike: the same login from another origin`);
  console.log(
    `TOTP secrets of this run: ${demo.secret} (Trend-like and /fixtures), ${demo.webrootSecret} (Webroot-like), ` +
      `${demo.servicenowSecret} (ServiceNow-like)`,
  );
  console.log(`  all secrets and QR texts: ${demo.url}/api/state`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    demo.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return demo;
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
