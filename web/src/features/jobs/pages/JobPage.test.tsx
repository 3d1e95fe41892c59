import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { fakeApi, job as summary, renderWith, routineField } from '../../field/testing';

let state: Record<string, unknown> = {};
vi.mock('../api', () => ({ useJob: () => state }));
const { default: JobPage } = await import('./JobPage');

function renderAt(id: string) {
  render(
    <MemoryRouter initialEntries={[`/jobs/${id}`]}>
      <Routes>
        <Route path="/jobs/:id" element={<JobPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('JobPage', () => {
  it('shows the field side of a job that has one, and none of a job without', async () => {
    fakeApi();
    const { id, reference, description, booked_dates, status } = summary(null);
    const base = {
      id, reference, description, booked_dates, status, customer_id: 'C1', job_type: 'Routine maintenance', technicians: [],
      created_at: '2026-10-12T09:00:00Z', updated_at: '2026-11-10T09:00:00Z', version: 1,
    };
    state = { isError: false, data: { ...base, field: routineField() } };
    const first = renderWith(<JobPage />, { path: '/jobs/:id', route: `/jobs/${id}` });
    const section = screen.getByRole('region', { name: 'Field service' });
    expect(await within(section).findByRole('link', { name: 'Acme House' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000001');
    expect(section).toHaveTextContent('On time');
    first.unmount();

    state = { isError: false, data: { ...base, field: null } };
    renderWith(<JobPage />, { path: '/jobs/:id', route: `/jobs/${id}` });
    expect(screen.getByRole('heading', { level: 1, name: `Job ${reference}` })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Field service' })).not.toBeInTheDocument();
  });

  it('says the job was not found on a 404', () => {
    state = { isError: true, error: new ApiProblem(404, { title: 'Not found' }, null), data: undefined, refetch: vi.fn() };
    renderAt('nope');
    expect(screen.getByRole('heading', { level: 1, name: 'Job not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All jobs' })).toHaveAttribute('href', '/jobs');
  });

  it('offers a retry on a server error', () => {
    state = { isError: true, error: new ApiProblem(503, {}, null), data: undefined, refetch: vi.fn() };
    renderAt('J1');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
