import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { TaskStatus, WorkflowSummary } from '../api';
import { TaskStatusBadge } from './TaskStatusBadge';
import { WorkflowList } from './WorkflowList';
import { WorkflowTasksTable } from './WorkflowTasksTable';

const cases: [TaskStatus, string, string][] = [
  ['not_started', 'grey', 'Not started'],
  ['in_progress', 'amber', 'In progress'],
  ['done', 'green', 'Done'],
  ['blocked', 'red', 'Blocked'],
];

describe('TaskStatusBadge', () => {
  it.each(cases)('shows %s in words as well as %s', (status, colour, words) => {
    const { container } = render(<TaskStatusBadge status={status} colour={colour} />);
    const badge = container.firstElementChild as HTMLElement;
    expect(badge).toHaveTextContent(words);
    expect(badge).toHaveAttribute('data-colour', colour);
    // The coloured mark is decoration: the words are what assistive technology reads.
    expect(badge.querySelector('[aria-hidden="true"]')).toBeEmptyDOMElement();
  });

  it('falls back to the status colour when the API gives none or an unknown one', () => {
    const { container, rerender } = render(<TaskStatusBadge status="blocked" />);
    expect(container.firstElementChild).toHaveAttribute('data-colour', 'red');
    rerender(<TaskStatusBadge status="done" colour="purple" />);
    expect(container.firstElementChild).toHaveAttribute('data-colour', 'green');
    expect(container.firstElementChild).toHaveTextContent('Done');
  });
});

const summary: WorkflowSummary = {
  id: 'W1',
  workflow_type: 'New starter',
  instigator: 'Alice Archer',
  created_at: '2026-02-03T10:00:00Z',
  tasks: [
    { name: 'Order laptop', status: 'done', colour: 'green' },
    { name: 'Create accounts', status: 'in_progress', colour: 'amber' },
    { name: 'Book induction', status: 'not_started', colour: 'grey' },
    { name: 'Security pass', status: 'blocked', colour: 'red' },
  ],
};

describe('WorkflowList', () => {
  it('shows type (linking to the workflow), instigator, created date and each task with its status in words', () => {
    render(
      <MemoryRouter>
        <WorkflowList workflows={[summary]} page={1} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'New starter' })).toHaveAttribute('href', '/workflows/W1');
    expect(screen.getByText('Alice Archer')).toBeInTheDocument();
    expect(screen.getByText('1 of 4 tasks done', { exact: false })).toBeInTheDocument();
    const tasks = screen.getByRole('list', { name: /Tasks/ });
    const rows = Array.from(tasks.querySelectorAll('li')).map((li) => li.textContent);
    expect(rows).toEqual(['Order laptopDone', 'Create accountsIn progress', 'Book inductionNot started', 'Security passBlocked']);
  });

  it('says when there are no workflows', () => {
    render(
      <MemoryRouter>
        <WorkflowList workflows={[]} page={1} />
      </MemoryRouter>,
    );
    expect(screen.getByText('There are no workflows in progress for your company.')).toBeInTheDocument();
  });
});

describe('WorkflowTasksTable', () => {
  it('lists the tasks in order with status words, done by and done at', () => {
    render(
      <WorkflowTasksTable
        caption="Tasks"
        tasks={[
          { name: 'Order laptop', status: 'done', done_by: 'Sam Smith', done_at: '2026-02-04T09:30:00Z' },
          { name: 'Create accounts', status: 'in_progress', done_by: null, done_at: null },
        ]}
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Step', 'Task', 'Status', 'Done by', 'Done at']);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('1Order laptopDoneSam Smith');
    expect(rows[0]?.querySelector('time')).toHaveAttribute('dateTime', '2026-02-04T09:30:00Z');
    expect(rows[1]).toHaveTextContent('2Create accountsIn progressNot yetNot yet');
  });
});
