import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { project, renderWith } from '../testing';
import { ProjectTable } from './ProjectTable';

function rowOf(name: string) {
  const link = screen.getByRole('link', { name });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function renderTable() {
  renderWith(
    <ProjectTable
      caption="Open projects"
      projects={[
        project({ id: 'P1', name: 'On track' }),
        project({ id: 'P2', name: 'Late itself', overdue: true, due_date: '2026-11-30' }),
        project({ id: 'P3', name: 'Tasks overdue', overdue_tasks: 2, tasks_due_today: 1, progress: 60 }),
        project({ id: 'P4', name: 'Task due today', tasks_due_today: 1, progress: 10 }),
      ]}
    />,
  );
}

describe('ProjectTable', () => {
  it('lists each project with its status, due date, tasks done and next milestone; the name links to it', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Open projects' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Project',
      'Status',
      'Due',
      'Progress',
      'Tasks done',
      'Next milestone',
    ]);
    expect(screen.getByRole('link', { name: 'On track' })).toHaveAttribute('href', '/projects/P1');
    const row = rowOf('On track');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('2 of 6');
    // The first milestone not done: Installation, not the done Survey.
    expect(row).toHaveTextContent('Installation');
    expect(row).not.toHaveTextContent('Survey');
  });

  it('marks an overdue project’s row red and says “Overdue”; the others not', () => {
    renderTable();
    const late = rowOf('Late itself');
    expect(late.className).toMatch(/overdueRow/);
    expect(within(late).getByText('Overdue')).toBeInTheDocument();
    for (const name of ['On track', 'Tasks overdue', 'Task due today']) {
      expect(rowOf(name).className).not.toMatch(/overdueRow/);
      expect(within(rowOf(name)).queryByText('Overdue')).not.toBeInTheDocument();
    }
  });

  it('draws the bar red with tasks overdue, yellow with a task due today (and none overdue), plain otherwise, and says so', () => {
    renderTable();
    const bar = (name: string) => within(rowOf(name)).getByRole('progressbar', { name: `Progress of ${name}` });

    const red = bar('Tasks overdue');
    expect(red).toHaveAttribute('data-late', 'overdue');
    expect(red.className).toMatch(/barOverdue/);
    expect(red).toHaveAttribute('aria-valuenow', '60');
    expect(red).toHaveAttribute('aria-valuetext', '60% done, 2 tasks overdue');
    expect(within(rowOf('Tasks overdue')).getByText('2 tasks overdue')).toBeInTheDocument();
    // Overdue tasks win over those due today.
    expect(within(rowOf('Tasks overdue')).queryByText(/due today/)).not.toBeInTheDocument();

    const yellow = bar('Task due today');
    expect(yellow).toHaveAttribute('data-late', 'due_today');
    expect(yellow.className).toMatch(/barDueToday/);
    expect(within(rowOf('Task due today')).getByText('1 task due today')).toBeInTheDocument();

    for (const name of ['On track', 'Late itself']) {
      const plain = bar(name);
      expect(plain).not.toHaveAttribute('data-late');
      expect(plain.className).not.toMatch(/barOverdue|barDueToday/);
      expect(plain).toHaveAttribute('aria-valuetext', '43% done');
    }
  });
});
