import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMonth } from '../../../lib/format';
import { Where } from '../../../test/fakeNetwork';
import { callField, fakeApi, job, ok, problem, renderWith, routineField } from '../testing';
import RoutineListPage from './RoutineListPage';
import ServiceCallListPage from './ServiceCallListPage';

afterEach(() => vi.restoreAllMocks());

const page = (items: unknown[], next_cursor: string | null = null) => ok({ items, next_cursor });

function at(ui: React.ReactElement, route: string) {
  return renderWith(
    <>
      {ui}
      <Where />
    </>,
    { path: '*', route },
  );
}

describe('RoutineListPage', () => {
  it('lists the month in the address, with outcome badges and the months either side', async () => {
    const get = fakeApi((path) => (path === '/portal/routine' ? page([job(routineField({ outcome: 'late' }))]) : undefined));
    at(<RoutineListPage />, '/routine?month=2026-11');
    expect(screen.getByRole('heading', { level: 1, name: `Routine work due in ${formatMonth('2026-11')}` })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Routine work, by property' });
    expect(within(table).getByText('Late')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/portal/routine', { params: { query: { month: '2026-11' } } });
    const months = screen.getByRole('navigation', { name: 'Other months' });
    expect(within(months).getByRole('link', { name: `Previous month (${formatMonth('2026-10')})` })).toHaveAttribute('href', '/routine?month=2026-10');
    expect(within(months).getByRole('link', { name: `Next month (${formatMonth('2026-12')})` })).toHaveAttribute('href', '/routine?month=2026-12');
    expect(screen.getByRole('link', { name: 'Back to properties' })).toHaveAttribute('href', '/sites');
  });

  it('pages on with the cursor', async () => {
    const get = fakeApi((path, init) =>
      path === '/portal/routine' ? page([job(routineField(), { reference: init?.params?.query?.cursor ? 'R-2' : 'R-1' })], 'c2') : undefined,
    );
    at(<RoutineListPage />, '/routine?month=2026-11');
    await screen.findByRole('rowheader', { name: 'R-1' });
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('rowheader', { name: 'R-2' });
    expect(get).toHaveBeenCalledWith('/portal/routine', { params: { query: { month: '2026-11', cursor: 'c2' } } });
  });

  it('says plainly when the API refuses the month', async () => {
    fakeApi((path) =>
      path === '/portal/routine' ? problem(400, { title: 'Bad request', errors: [{ field: 'month', message: 'a month as YYYY-MM' }] }) : undefined,
    );
    at(<RoutineListPage />, '/routine?month=2026-13');
    expect(screen.getByRole('heading', { level: 1, name: 'Routine work' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not a month we can list.');
    expect(screen.queryByRole('navigation', { name: 'Other months' })).not.toBeInTheDocument();
  });
});

describe('ServiceCallListPage', () => {
  it('lists the month and stage in the address alone, with stage badges', async () => {
    const get = fakeApi((path) => (path === '/portal/service-calls' ? page([job(callField({ stage: 'ready' }), { reference: 'S-2612-2' })]) : undefined));
    at(<ServiceCallListPage />, '/service-calls?month=2026-12&stage=ready');
    expect(screen.getByRole('heading', { level: 1, name: `Service calls logged in ${formatMonth('2026-12')}: ready` })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Service calls, newest first' });
    expect(within(table).getByText('Ready').closest('[data-stage]')).toHaveAttribute('data-stage', 'ready');
    expect(get).toHaveBeenCalledWith('/portal/service-calls', { params: { query: { month: '2026-12', stage: 'ready' } } });
    expect(screen.getByRole('radio', { name: 'Ready' })).toBeChecked();
    // The months either side keep the stage.
    expect(screen.getByRole('link', { name: `Previous month (${formatMonth('2026-11')})` })).toHaveAttribute(
      'href',
      '/service-calls?month=2026-11&stage=ready',
    );
  });

  it('switches stage in the address, and all stages drops it', async () => {
    const get = fakeApi((path) => (path === '/portal/service-calls' ? page([]) : undefined));
    at(<ServiceCallListPage />, '/service-calls?month=2026-12');
    expect(screen.getByRole('heading', { level: 1, name: `Service calls logged in ${formatMonth('2026-12')}` })).toBeInTheDocument();
    expect(await screen.findByText('No service calls match.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'On hold' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/service-calls?month=2026-12&stage=on_hold');
    await waitFor(() => expect(get).toHaveBeenCalledWith('/portal/service-calls', { params: { query: { month: '2026-12', stage: 'on_hold' } } }));
    await userEvent.click(screen.getByRole('radio', { name: 'All stages' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/service-calls\?month=2026-12$/);
  });

  it('ignores a stage without a month', async () => {
    const get = fakeApi((path) => (path === '/portal/service-calls' ? page([]) : undefined));
    at(<ServiceCallListPage />, '/service-calls?stage=ready');
    expect(screen.getByRole('heading', { level: 1, name: 'Service calls' })).toBeInTheDocument();
    await screen.findByText('No service calls match.');
    expect(get).toHaveBeenCalledWith('/portal/service-calls', { params: { query: {} } });
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});
