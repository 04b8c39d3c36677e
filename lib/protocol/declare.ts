/**
 * How one message is declared: its request and response types, who may send it, the guard its payload must
 * pass, and the feature whose handlers answer it. Everything else (the `Protocol` types, the router's sender
 * and shape checks, the typed clients, the handler types) is derived from the declarations in ./messages.ts.
 */
import type { Guard } from './guards';

/**
 * Who may send a message: 'extension-page' (popup, options), 'scan-tab' (the scan content script, in the top
 * frame of a tab where the user started a scan) or 'web-frame' (our content script in any frame of a web
 * page; the handler decides by the frame's own origin). Content scripts may send nothing else.
 */
export type SenderKind = 'extension-page' | 'scan-tab' | 'web-frame';

/**
 * The group of handlers that answers a message, one module each: 'core' lib/keeper/handlers.ts, 'scan'
 * scan-handlers.ts, 'fill' fill-handlers.ts, 'auto-fill' auto-fill-handlers.ts, 'backup' backup-handlers.ts,
 * 'clock' clock.ts, 'auto-lock' auto-lock.ts, 'passkeys' passkey-handlers.ts, 'sync' sync-handlers.ts.
 */
export type Feature =
  'core' | 'scan' | 'fill' | 'auto-fill' | 'backup' | 'clock' | 'auto-lock' | 'passkeys' | 'sync';

declare const response: unique symbol;

export interface Declaration<Req, Res, S extends SenderKind = SenderKind, F extends Feature = Feature> {
  readonly sender: S;
  readonly feature: F;
  /** Accepts exactly the well-formed payloads of the request type. */
  readonly guard: Guard<Req>;
  /** Type only: the response. */
  readonly [response]?: Res;
}

/** What every declaration is, whatever its types (a GuardMismatch is not). */
export interface AnyDeclaration {
  readonly sender: SenderKind;
  readonly feature: Feature;
  readonly guard: (value: unknown) => boolean;
}

/** True when A and B are the same type (not merely assignable both ways: an added optional field differs). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** What a declaration whose guard does not accept exactly its request type becomes: it fails `satisfies`. */
export interface GuardMismatch<G, Req> {
  readonly 'the guard does not accept exactly the request type': { guard: G; request: Req };
}

/**
 * Declares a message: `message<Request, Response>()({ sender, feature, guard })`. The guard's type must equal
 * the request type, checked at compile time (the table of declarations `satisfies` Declaration, which a
 * GuardMismatch does not).
 */
export function message<Req, Res>() {
  return <G, const S extends SenderKind, const F extends Feature>(declaration: {
    sender: S;
    feature: F;
    guard: Guard<G>;
  }): Equals<G, Req> extends true ? Declaration<Req, Res, S, F> : GuardMismatch<G, Req> =>
    declaration as never;
}
