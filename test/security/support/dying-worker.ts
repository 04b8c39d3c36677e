/**
 * A service worker that dies at a chosen storage operation. Storage itself (the two Maps) outlives every worker,
 * as chrome.storage.local and storage.session outlive a stopped service worker. The operation the worker dies in
 * either lands whole or not at all (one `set()` is atomic in Chromium); after it, the dead worker's calls never
 * return, so whatever it was doing is simply gone — exactly what a stopped worker leaves behind.
 */
import type { KeyValueStore } from '@/lib/vault';

export class Storage {
  readonly local = new Map<string, unknown>();
  readonly session = new Map<string, unknown>();
}

export interface Death {
  /** The worker dies during its `afterOps`-th storage call (1 = the first); Infinity: never. */
  afterOps: number;
  /** Whether a `set()` it dies in lands (whole) or not at all. */
  lands: boolean;
  /** Count only `set()` calls: the worker dies in its `afterOps`-th write. */
  inWrite?: boolean;
}

export class DyingWorker {
  private ops = 0;
  dead = false;
  /** What the operation it died in was: 'get', 'set' (landed) or 'set-lost'. */
  diedIn: 'get' | 'set' | 'set-lost' | null = null;
  private onDeath: (() => void)[] = [];
  /** Every storage call made, in order ('local.get', 'session.set'…). */
  readonly log: string[] = [];
  readonly died: Promise<void>;
  readonly local: KeyValueStore;
  readonly session: KeyValueStore;

  constructor(
    private readonly storage: Storage,
    private readonly death: Death,
  ) {
    this.died = new Promise((resolve) => this.onDeath.push(resolve));
    this.local = this.area(storage.local, 'local');
    this.session = this.area(storage.session, 'session');
  }

  private die(how: 'get' | 'set' | 'set-lost'): Promise<never> {
    this.dead = true;
    this.diedIn = how;
    for (const wake of this.onDeath) wake();
    return new Promise<never>(() => undefined);
  }

  private area(map: Map<string, unknown>, name: string): KeyValueStore {
    return {
      get: async (keys) => {
        if (this.dead) return new Promise<never>(() => undefined);
        this.log.push(`${name}.get`);
        if (!this.death.inWrite && ++this.ops >= this.death.afterOps) return this.die('get');
        await Promise.resolve();
        const out: Record<string, unknown> = {};
        for (const k of keys) if (map.has(k)) out[k] = structuredClone(map.get(k));
        return out;
      },
      set: async (items) => {
        if (this.dead) return new Promise<never>(() => undefined);
        this.log.push(`${name}.set`);
        const apply = () => {
          for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
        };
        if (++this.ops >= this.death.afterOps) {
          if (this.death.lands) apply();
          return this.die(this.death.lands ? 'set' : 'set-lost');
        }
        await Promise.resolve();
        apply();
      },
    };
  }

  /** Runs `call` on this worker: its result, or 'died' if the worker died first. */
  async run<T>(call: () => Promise<T>): Promise<{ done: true; value: T } | { done: false }> {
    return Promise.race([
      call().then(
        (value) => ({ done: true as const, value }),
        (error: unknown) => {
          if (this.dead) return { done: false as const };
          throw error;
        },
      ),
      this.died.then(() => ({ done: false as const })),
    ]);
  }
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
