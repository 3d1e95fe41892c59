import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formatMonth } from '../../../lib/format';
import { summary } from '../testing';
import { monthsSummary, panelFigures } from './defectFigures';

// The chart itself needs a canvas (not in jsdom); its table carries the same figures.
vi.mock('./DefectsChart', () => ({
  default: ({ months }: { months: unknown[] }) => <p data-testid="chart">{months.length} months charted</p>,
}));
const { DefectsPanelView } = await import('./DefectsPanel');

/** The panel, once its lazily loaded chart has arrived. */
async function renderPanel() {
  render(<DefectsPanelView summary={summary} />);
  await screen.findByTestId('chart');
}

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('DefectsPanelView', () => {
  it('tallies the open defects by severity in words, with the total', async () => {
    await renderPanel();
    const tally = screen.getByRole('list', { name: 'Open defects by severity' });
    expect([...tally.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '4Critical',
      '3Non-critical',
      '4Non-conformance',
      '2Recommendation',
      '2Information',
    ]);
    expect(screen.getByText('15 open in all, across every property.')).toBeInTheDocument();
  });

  it('lists every month with the defects raised, resolved and still open, beside the chart', async () => {
    await renderPanel();
    const table = screen.getByRole('table', { name: 'Defects raised in the last 12 months' });
    expect(rows(table)).toEqual([
      ['Month raised', 'Raised', 'Resolved', 'Still open'],
      [formatMonth('2026-10'), '3', '1', '2'],
      [formatMonth('2026-11'), new Intl.NumberFormat(navigator.language).format(1250), '0', new Intl.NumberFormat(navigator.language).format(1250)],
      [formatMonth('2026-12'), '7', '4', '3'],
    ]);
    expect(screen.getByTestId('chart')).toHaveTextContent('3 months charted');
  });

  it('lists the assets by type under their worst open defect, every severity a column', async () => {
    await renderPanel();
    const table = screen.getByRole('table', { name: 'Assets by type and worst open defect' });
    expect(rows(table)).toEqual([
      ['Asset type', 'Critical', 'Non-critical', 'Non-conformance', 'Recommendation', 'Information', 'No open defects', 'Assets'],
      ['Extinguisher', '1', '0', '0', '0', '0', '11', '12'],
      ['Fire door', '1', '0', '1', '1', '0', '9', '12'],
      ['Sprinkler head', '0', '0', '0', '0', '0', '2', '2'],
    ]);
  });

  it('summarises the chart in one sentence for its label', () => {
    expect(monthsSummary(panelFigures(summary).months)).toBe(
      `Defects raised per month, ${formatMonth('2026-10')} to ${formatMonth('2026-12')}: ${new Intl.NumberFormat(navigator.language).format(1260)} raised, 5 resolved and ${new Intl.NumberFormat(navigator.language).format(1255)} still open in all.`,
    );
  });
});
