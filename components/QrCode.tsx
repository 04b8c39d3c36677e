/**
 * A QR code drawn as SVG from uqr's module matrix: one path of dark runs, black on white in light and dark mode
 * alike (phone cameras expect dark modules on a light ground), with the standard four-module quiet zone.
 */
import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

/** The path of every run of dark modules, row by row. */
function modulesPath(rows: boolean[][]): string {
  const parts: string[] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      parts.push(`M${start} ${y}h${x - start + 1}v1h${start - x - 1}z`);
    }
  });
  return parts.join('');
}

/** About this wide on screen (CSS px): comfortable for a phone camera held at a normal distance. */
const TARGET_WIDTH = 480;

/**
 * The width in CSS px that gives every module the same whole number of device pixels: modules alternating
 * between 3 and 4 pixels wide defeat some readers on dense transfer codes.
 */
export function snappedWidth(modules: number, dpr = globalThis.devicePixelRatio || 1): number {
  const perModule = Math.max(2, Math.floor((TARGET_WIDTH * dpr) / modules));
  return (modules * perModule) / dpr;
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { data, size } = encode(text, { ecc: 'M', border: 4 });
    return { size, path: modulesPath(data) };
  }, [text]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={snappedWidth(size)}
      shape-rendering="crispEdges"
      data-modules={size}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
