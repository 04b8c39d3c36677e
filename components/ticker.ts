/**
 * One shared one-second clock for the whole page: a single timer aligned to the wall-clock second, however
 * many countdowns are on screen, and none when nothing is subscribed.
 */
type Listener = (now: number) => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  timer = setTimeout(
    () => {
      const now = Date.now();
      for (const listener of listeners) listener(now);
      if (listeners.size > 0) schedule();
      else timer = undefined;
    },
    1000 - (Date.now() % 1000) + 5,
  );
}

export function subscribeSeconds(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}
