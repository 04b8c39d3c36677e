/**
 * The browser's side of locking by itself: an alarm at the lock deadline (alarms survive the service worker
 * being stopped, and a stopped worker is woken for them) and the system's idle and screen-lock events. Both
 * listeners are registered at every start-up, synchronously, so that the browser wakes the worker for them.
 */
import { browser } from 'wxt/browser';
import type { AutoLock, AutoLockEffects, IdleState } from '../keeper/session/auto-lock';

const ALARM = 'sekimori-auto-lock';

export const autoLockEffects: AutoLockEffects = {
  async setLockAlarm(when) {
    if (when === null) await browser.alarms.clear(ALARM);
    else await browser.alarms.create(ALARM, { when });
  },
  async setIdleInterval(seconds) {
    browser.idle.setDetectionInterval(seconds);
  },
  queryIdle: (seconds) => browser.idle.queryState(seconds),
};

/** Background, at every start-up: listens for the alarm and the idle events, then checks the deadline once. */
export function startAutoLock(autoLock: AutoLock): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void autoLock.refresh().catch(() => undefined);
  });
  browser.idle.onStateChanged.addListener((state: IdleState) => {
    void autoLock.idleChanged(state).catch(() => undefined);
  });
  void autoLock.refresh().catch(() => undefined);
}
