/**
 * Whether a frame is where an automatic fill may happen: the top frame, or a frame whose every ancestor has
 * the frame's own origin. A page of another origin (an http page a network attacker answers, an ad) may embed a
 * console's login page and then answer that frame with its own content: nobody would see the code being typed.
 * Chromium lists the ancestors' origins (`location.ancestorOrigins`); everywhere the parents are walked too, and
 * reading a parent of another origin throws, which counts as "not the same origin".
 */
const MOST_FRAMES = 64;

export function framedBySameOrigin(win: Window): boolean {
  let origin: string;
  try {
    origin = win.location.origin;
  } catch {
    return false;
  }
  if (origin === 'null') return false;
  const listed = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (listed) for (let i = 0; i < listed.length; i++) if (listed.item(i) !== origin) return false;
  let current: Window = win;
  for (let depth = 0; depth < MOST_FRAMES; depth++) {
    let parent: Window;
    try {
      parent = current.parent;
      if (parent === current || parent === null) return true;
      if (parent.location.origin !== origin) return false;
    } catch {
      return false;
    }
    current = parent;
  }
  return false;
}
