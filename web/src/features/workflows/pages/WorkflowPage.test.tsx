import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';

let state: Record<string, unknown> = {};
vi.mock('../api', () => ({ useWorkflow: () => state }));
const { default: WorkflowPage } = await import('./WorkflowPage');

function renderAt(id: string) {
  render(
    <MemoryRouter initialEntries={[`/workflows/${id}`]}>
      <Routes>
        <Route path="/workflows/:id" element={<WorkflowPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('WorkflowPage', () => {
  it('says the workflow was not found on a 404 (an inactive one answers so)', () => {
    state = { isError: true, error: new ApiProblem(404, {}, null), data: undefined, refetch: vi.fn() };
    renderAt('gone');
    expect(screen.getByRole('heading', { level: 1, name: 'Workflow not found' })).toBeInTheDocument();
  });

  it('shows the workflow with its tasks in order', () => {
    state = {
      isError: false,
      data: {
        id: 'W1',
        customer_id: 'C',
        workflow_type: 'New starter',
        instigator: 'Alice Archer',
        active: true,
        created_at: '2026-02-03T10:00:00Z',
        updated_at: '2026-02-04T10:00:00Z',
        version: 1,
        tasks: [
          { name: 'Order laptop', status: 'done', done_by: 'Sam', done_at: '2026-02-04T09:00:00Z' },
          { name: 'Security pass', status: 'blocked' },
        ],
      },
    };
    renderAt('W1');
    expect(screen.getByRole('heading', { level: 1, name: 'New starter' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 tasks done')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual(['Order laptop', 'Security pass']);
    expect(rows[1]).toHaveTextContent('Blocked');
  });
});
