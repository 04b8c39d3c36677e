/** The clock check's measurement: a few HEAD requests to the server the user named, from the service worker. */
import { browser } from 'wxt/browser';
import type { ClockSample } from '../keeper/clock/clock';
import { KeeperError } from '../keeper/keeper-error';
import { originPattern } from './auto-fill';

const SAMPLES = 3;
const TIMEOUT_MS = 5000;

async function sample(server: string): Promise<ClockSample> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const sent = Date.now();
    const response = await fetch(`${server}/`, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
      signal: controller.signal,
    });
    const received = Date.now();
    const date = Date.parse(response.headers.get('date') ?? '');
    if (!Number.isFinite(date)) throw new KeeperError('clock-no-date');
    // The header has whole seconds: the server's time was, on average, half a second past it.
    return { offsetMs: date + 500 - (sent + received) / 2, roundTripMs: received - sent };
  } catch (error) {
    if (error instanceof KeeperError) throw error;
    throw new KeeperError('clock-unreachable');
  } finally {
    clearTimeout(timer);
  }
}

export async function measureClock(server: string): Promise<ClockSample> {
  const granted = await browser.permissions.contains({ origins: [originPattern(server)] }).catch(() => false);
  if (!granted) throw new KeeperError('clock-not-allowed');
  const samples: ClockSample[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(server));
  return samples.reduce((best, s) => (s.roundTripMs < best.roundTripMs ? s : best));
}
