import qrcode from 'qrcode-generator';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QrCode, qrRuns } from './QrCode';

const URI = 'otpauth://totp/127.0.0.1%3A3000:new.contact?secret=ASDFASDFASDF&issuer=127.0.0.1%3A3000';

describe('QrCode', () => {
  it('draws the matrix of the URI as SVG rectangles, with an accessible name', () => {
    const { container } = render(<QrCode value={URI} label="QR code to scan" />);
    const svg = screen.getByRole('img', { name: 'QR code to scan' });
    const reference = qrcode(0, 'M');
    reference.addData(URI);
    reference.make();
    const size = reference.getModuleCount();
    expect(svg.getAttribute('data-modules')).toBe(String(size));
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${size + 8} ${size + 8}`);

    // Every dark module is covered by exactly one black rectangle, and nothing else is.
    const dark = new Set<string>();
    for (const rect of container.querySelectorAll('rect[fill="#000"]')) {
      const x = Number(rect.getAttribute('x')) - 4;
      const y = Number(rect.getAttribute('y')) - 4;
      for (let i = 0; i < Number(rect.getAttribute('width')); i += 1) dark.add(`${y},${x + i}`);
    }
    let expected = 0;
    for (let r = 0; r < size; r += 1) {
      for (let c = 0; c < size; c += 1) {
        if (reference.isDark(r, c)) {
          expected += 1;
          expect(dark.has(`${r},${c}`)).toBe(true);
        }
      }
    }
    expect(dark.size).toBe(expected);
    expect(expected).toBeGreaterThan(100);
  });

  it('merges neighbouring dark modules into runs', () => {
    const { runs, size } = qrRuns(URI);
    // The top-left finder pattern starts with a run of seven.
    expect(runs[0]).toEqual([0, 0, 7]);
    expect(runs.every(([r, c, n]) => r < size && c + n <= size && n > 0)).toBe(true);
  });

  it('draws a different matrix for a different URI', () => {
    const a = qrRuns(URI).runs;
    const b = qrRuns(URI.replace('new.contact', 'other.contact')).runs;
    expect(a).not.toEqual(b);
  });
});
