import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';

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

describe('JobPage', () => {
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
