import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import type { RoutineLine } from '../api';
import { currentMonth, shiftMonth } from '../month';
import { ACME_HOUSE, renderWith, RIVERSIDE, signedInAlice } from '../testing';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { default: RoutineReportPage } = await import('./RoutineReportPage');

function renderAt(route: string) {
  return renderWith(
    <>
      <RoutineReportPage />
      <Where />
    </>,
    { path: '/reports/routine', route },
  );
}

function line(over: Partial<RoutineLine> = {}): RoutineLine {
  return {
    job_id: 'J1',
    reference: 'R-2601-1',
    description: 'Quarterly fire alarm service',
    site_id: ACME_HOUSE,
    site_name: 'Acme House',
    due_month: '2026-01',
    last_day: '2026-02-14',
    performed_on: '2026-01-20',
    outcome: 'on_time',
    ...over,
  };
}

const LINES = [
  line(),
  line({ job_id: 'J2', reference: 'R-2602-1', site_id: RIVERSIDE, site_name: 'Riverside Offices', due_month: '2026-02', performed_on: null, outcome: 'missed' }),
  line({ job_id: 'J3', reference: 'R-2612-1', due_month: '2026-12', last_day: null, performed_on: null, outcome: null }),
];

const day = (iso: string) => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`));
const shortMonth = (y: number, mo: number) => new Intl.DateTimeFormat(navigator.language, { month: 'short', year: 'numeric' }).format(new Date(y, mo - 1, 1));
const routineRequests = () => net.requests().filter((r) => r.startsWith('GET /portal/reports/routine'));
const from = () => screen.getByLabelText('From');
const to = () => screen.getByLabelText('To');

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {
    '/portal/me': json(200, { modules: ['reports', 'routine', 'sites'] }),
    '/portal/reports/routine': (request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return cursor === 'p2'
        ? json(200, { items: [line({ job_id: 'J9', reference: 'R-2612-9' })], next_cursor: null })()
        : json(200, { items: LINES, next_cursor: 'p2' })();
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RoutineReportPage', () => {
  it('shows the twelve months to this one by default: a row per job, its property linked, the outcome in words', async () => {
    renderAt('/reports/routine');
    expect(screen.getByRole('heading', { level: 1, name: 'Routine activity report' })).toBeInTheDocument();
    const now = currentMonth();
    expect(from()).toHaveValue(shiftMonth(now, -11));
    expect(to()).toHaveValue(now);
    expect(from()).toHaveAttribute('type', 'month');

    const table = await screen.findByRole('table', { name: /^Routine maintenance due/ });
    expect(routineRequests()).toEqual([`GET /portal/reports/routine?from=${shiftMonth(now, -11)}&to=${now}&limit=25`]);
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Due month',
      'Property',
      'Reference',
      'Last day',
      'Performed on',
      'Outcome',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(`${shortMonth(2026, 1)}Acme HouseR-2601-1${day('2026-02-14')}${day('2026-01-20')}On time`);
    expect(await within(rows[0]!).findByRole('link', { name: 'Acme House' })).toHaveAttribute('href', `/sites/${ACME_HOUSE}`);
    expect(within(rows[1]!).getByRole('link', { name: 'Riverside Offices' })).toHaveAttribute('href', `/sites/${RIVERSIDE}`);
    // The outcome in the routine panel's words and colours; not yet performed, said so.
    expect(rows[1]!.querySelector('[data-outcome="missed"]')).toHaveTextContent('Missed');
    expect(rows[1]).toHaveTextContent('Not yet');
    expect(rows[2]).toHaveTextContent('R-2612-1—Not yet—');
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('asks for the range in the address, and a month chosen goes into the address', async () => {
    renderAt('/reports/routine?from=2026-01&to=2026-12');
    expect(await screen.findByRole('table', { name: `Routine maintenance due ${shortMonth(2026, 1)} to ${shortMonth(2026, 12)}` })).toBeInTheDocument();
    expect(from()).toHaveValue('2026-01');
    fireEvent.change(from(), { target: { value: '2026-06' } });
    await expectLocation('/reports/routine?from=2026-06&to=2026-12');
    await waitFor(() =>
      expect(routineRequests()).toEqual([
        'GET /portal/reports/routine?from=2026-01&to=2026-12&limit=25',
        'GET /portal/reports/routine?from=2026-06&to=2026-12&limit=25',
      ]),
    );
    fireEvent.change(to(), { target: { value: '2026-09' } });
    await expectLocation('/reports/routine?from=2026-06&to=2026-09');
  });

  it('pages with the app’s pager, by the API’s cursor', async () => {
    renderAt('/reports/routine?from=2026-01&to=2026-12');
    await screen.findByRole('table', { name: /^Routine maintenance due/ });
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('table', { name: /\(page 2\)$/ })).toHaveTextContent('R-2612-9');
    expect(routineRequests()).toContain('GET /portal/reports/routine?from=2026-01&to=2026-12&limit=25&cursor=p2');
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says when no routine maintenance was due in the range', async () => {
    net.routes['/portal/reports/routine'] = json(200, { items: [], next_cursor: null });
    renderAt('/reports/routine?from=2026-01&to=2026-02');
    expect(await screen.findByText('No routine maintenance was due in this range.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('shows a refused range at the input the API names, and no table', async () => {
    net.routes['/portal/reports/routine'] = json(422, {
      type: 'https://problems.customer-portal.dev/validation',
      title: 'Validation failed',
      status: 422,
      errors: [{ field: 'to', message: 'is before from' }],
    });
    renderAt('/reports/routine?from=2026-06&to=2026-01');
    await waitFor(() => expect(to()).toHaveAttribute('aria-invalid', 'true'));
    expect(to()).toHaveAccessibleDescription(/is before from/);
    expect(from()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
    // Asked once: a refused range is not asked again.
    expect(routineRequests()).toHaveLength(1);
  });

  it('says so when the report cannot be read (a module switched off answers 404)', async () => {
    net.routes['/portal/reports/routine'] = json(404, { type: 'https://problems.customer-portal.dev/not-found', title: 'Not found', status: 404 });
    renderAt('/reports/routine');
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find this.');
  });

  it('downloads the whole range’s CSV as routine-<from>-to-<to>.csv', async () => {
    const create = vi.fn(() => 'blob:http://portal/csv');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    net.routes['/portal/reports/routine/csv'] = () =>
      new Response('due_month,reference\n2026-01,R-2601-1\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    renderAt('/reports/routine?from=2026-01&to=2026-12');
    await screen.findByRole('table', { name: /^Routine maintenance due/ });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Downloaded routine-2026-01-to-2026-12.csv.')).toBeInTheDocument();
    expect(net.requests()).toContain('GET /portal/reports/routine/csv?from=2026-01&to=2026-12');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('routine-2026-01-to-2026-12.csv');
  });

  it('says why the CSV could not be downloaded', async () => {
    net.routes['/portal/reports/routine/csv'] = json(503, { type: 'about:blank', title: 'Unavailable', status: 503 });
    renderAt('/reports/routine?from=2026-01&to=2026-12');
    await screen.findByRole('table', { name: /^Routine maintenance due/ });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('busy or briefly unavailable');
  });
});
