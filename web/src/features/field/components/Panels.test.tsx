import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Where } from '../../../test/fakeNetwork';
import { formatMonth } from '../../../lib/format';
import { callsPanel, fakeApi, ok, renderWith, routinePanel } from '../testing';
import { callFigures, callSummary, routineFigures, routineSummary } from './fieldFigures';

// The chart itself needs a canvas (not in jsdom): here it is a list of its bars, each a button that does
// what clicking the bar does.
vi.mock('../../../components/MonthBarsChart', () => ({
  default: ({ labels, series, summary, onSelect }: { labels: string[]; series: { label: string }[]; summary: string; onSelect: (i: number, s: number) => void }) => (
    <div data-testid="chart" aria-label={summary}>
      {labels.map((l, i) =>
        series.map((s, j) => (
          <button key={`${l}-${s.label}`} type="button" onClick={() => onSelect(i, j)}>
            {`bar ${l} ${s.label}`}
          </button>
        )),
      )}
    </div>
  ),
}));
const { RoutinePanel, RoutinePanelView } = await import('./RoutinePanel');
const { ServiceCallsPanelView } = await import('./ServiceCallsPanel');

afterEach(() => vi.restoreAllMocks());

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

function at(ui: React.ReactElement, route = '/sites') {
  return renderWith(
    <>
      {ui}
      <Where />
    </>,
    { path: '*', route },
  );
}

describe('RoutinePanelView', () => {
  it('tables every month of the year by outcome, each month with work linked to its list', async () => {
    at(<RoutinePanelView panel={routinePanel()} />);
    await screen.findByTestId('chart');
    const table = screen.getByRole('table', { name: 'Routine work due each month of 2026, by outcome' });
    const all = rows(table);
    expect(all[0]).toEqual(['Month due', 'On time', 'Within tolerance', 'Late', 'Missed', 'Pending', 'Due']);
    expect(all).toHaveLength(13);
    expect(all[3]).toEqual([formatMonth('2026-03'), '3', '1', '0', '0', '0', '4']);
    expect(all[10]).toEqual([formatMonth('2026-10'), '3', '0', '0', '1', '0', '4']);
    expect(all[12]).toEqual([formatMonth('2026-12'), '0', '1', '0', '0', '3', '4']);
    const november = within(table).getByRole('link', { name: `${formatMonth('2026-11')}: 4 due` });
    expect(november).toHaveAttribute('href', '/routine?month=2026-11');
  });

  it('opens a month’s list when its bar is clicked', async () => {
    at(<RoutinePanelView panel={routinePanel()} />);
    await userEvent.click(await screen.findByRole('button', { name: `bar ${formatMonth('2026-07')} Late` }));
    expect(screen.getByTestId('where')).toHaveTextContent('/routine?month=2026-07');
  });

  it('says so when nothing is due in the year, without a chart', () => {
    at(<RoutinePanelView panel={routinePanel(2024)} />);
    expect(screen.getByText('No routine work is due in 2024.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('summarises the chart in one sentence for its label', () => {
    expect(routineSummary(routineFigures(routinePanel()))).toBe(
      'Routine work due each month of 2026: 48 due in all; 41 on time, 2 within tolerance, 1 late, 1 missed and 3 pending.',
    );
  });
});

describe('RoutinePanel', () => {
  it('shows this year first; the year buttons ask for the next year and keep it in the address', async () => {
    const thisYear = new Date().getFullYear();
    const get = fakeApi((path, init) => (path === '/portal/routine/summary' ? ok(routinePanel(Number(init?.params?.query?.year))) : undefined));
    at(<RoutinePanel />);
    const panel = screen.getByRole('region', { name: 'Routine activities' });
    const shown = () => within(panel).getByText(/^Showing \d{4}$/);
    expect(shown()).toHaveTextContent(`Showing ${thisYear}`);
    expect(shown()).toHaveAttribute('role', 'status');
    await waitFor(() => expect(get).toHaveBeenCalledWith('/portal/routine/summary', { params: { query: { year: thisYear } } }));

    await userEvent.click(within(panel).getByRole('button', { name: `Previous year (${thisYear - 1})` }));
    expect(shown()).toHaveTextContent(`Showing ${thisYear - 1}`);
    expect(screen.getByTestId('where')).toHaveTextContent(`/sites?routine_year=${thisYear - 1}`);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/portal/routine/summary', { params: { query: { year: thisYear - 1 } } }));

    await userEvent.click(within(panel).getByRole('button', { name: `Next year (${thisYear})` }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/sites$/);
  });

  it('starts at the year in the address', async () => {
    const get = fakeApi((path, init) => (path === '/portal/routine/summary' ? ok(routinePanel(Number(init?.params?.query?.year))) : undefined));
    at(<RoutinePanel />, '/sites?routine_year=2026');
    await screen.findByRole('table', { name: 'Routine work due each month of 2026, by outcome' });
    expect(get).toHaveBeenCalledWith('/portal/routine/summary', { params: { query: { year: 2026 } } });
  });
});

describe('ServiceCallsPanelView', () => {
  it('tables 12 months by stage, each figure linked to the calls behind it', async () => {
    at(<ServiceCallsPanelView panel={callsPanel()} />);
    await screen.findByTestId('chart');
    const table = screen.getByRole('table', { name: 'Service calls logged in the last 12 months, by stage' });
    const all = rows(table);
    expect(all[0]).toEqual(['Month logged', 'On hold', 'Ready', 'In progress', 'Performed', 'Complete', 'Total']);
    expect(all[12]).toEqual([formatMonth('2026-12'), '1', '1', '0', '0', '0', '2']);
    const dec = formatMonth('2026-12');
    expect(within(table).getByRole('link', { name: `1 on hold, ${dec}` })).toHaveAttribute('href', '/service-calls?month=2026-12&stage=on_hold');
    expect(within(table).getByRole('link', { name: `1 ready, ${dec}` })).toHaveAttribute('href', '/service-calls?month=2026-12&stage=ready');
    expect(within(table).getByRole('link', { name: `All calls logged in ${dec}` })).toHaveAttribute('href', '/service-calls?month=2026-12');
    // A zero is no link: there is nothing behind it.
    expect(within(table).queryByRole('link', { name: `0 in progress, ${dec}` })).not.toBeInTheDocument();
  });

  it('opens the calls of a bar’s part when it is clicked, and ignores an empty part', async () => {
    at(<ServiceCallsPanelView panel={callsPanel()} />);
    await userEvent.click(await screen.findByRole('button', { name: `bar ${formatMonth('2026-12')} In progress` }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/sites$/);
    await userEvent.click(screen.getByRole('button', { name: `bar ${formatMonth('2026-12')} Ready` }));
    expect(screen.getByTestId('where')).toHaveTextContent('/service-calls?month=2026-12&stage=ready');
  });

  it('summarises the chart in one sentence for its label', () => {
    expect(callSummary(callFigures(callsPanel()))).toBe(
      `Service calls logged per month, ${formatMonth('2026-01')} to ${formatMonth('2026-12')}: 24 in all; 1 on hold, 1 ready, 0 in progress, 0 performed and 22 complete.`,
    );
  });
});
