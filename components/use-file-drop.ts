/**
 * A drop zone's dragging: `over` while files are dragged over the zone, and what is dropped handed on (unless
 * `busy`). Listened to directly: the DOM names these events in lower case, which Preact's JSX props cannot
 * count on. Text or links dragged around the page are left alone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { carriesFiles } from './image-input';

export function useFileDrop(
  zone: { current: HTMLElement | null },
  busy: boolean,
  onDrop: (data: DataTransfer | null) => void,
): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef({ busy, onDrop });
  latest.current = { busy, onDrop };

  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = latest.current.busy ? 'none' : 'copy';
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      // Moving between the zone's own children is not leaving it.
      if (e.relatedTarget instanceof Node && el.contains(e.relatedTarget)) return;
      setOver(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      if (!latest.current.busy) latest.current.onDrop(e.dataTransfer);
    };
    const listeners = { dragenter: enter, dragover: enter, dragleave: leave, drop } as const;
    for (const [type, listener] of Object.entries(listeners))
      el.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of Object.entries(listeners))
        el.removeEventListener(type, listener as EventListener);
    };
  }, []);

  return over;
}
