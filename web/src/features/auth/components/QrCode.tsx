import qrcode from 'qrcode-generator';
import { useId, useMemo } from 'react';
import styles from './QrCode.module.css';

/** The dark modules of a QR code for `text`, as horizontal runs `[row, column, length]`. */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row += 1) {
    let start = -1;
    for (let col = 0; col <= size; col += 1) {
      const dark = col < size && qr.isDark(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return { size, runs };
}

const QUIET_ZONE = 4;

/**
 * A QR code drawn in the page as SVG rectangles (no outside service, no generated markup): dark runs of
 * modules on a white square with the standard four-module quiet zone.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, runs } = useMemo(() => qrRuns(value), [value]);
  const titleId = useId();
  const extent = size + QUIET_ZONE * 2;
  return (
    <svg
      className={styles.qr}
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      data-modules={size}
    >
      <title id={titleId}>{label}</title>
      <rect x={0} y={0} width={extent} height={extent} fill="#fff" />
      {runs.map(([row, col, length]) => (
        <rect key={`${row}-${col}`} x={col + QUIET_ZONE} y={row + QUIET_ZONE} width={length} height={1} fill="#000" />
      ))}
    </svg>
  );
}
