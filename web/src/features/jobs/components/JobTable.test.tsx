import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Job, JobSummary } from '../api';
import { JobFacts } from './JobFacts';
import { JobTable } from './JobTable';

const summary: JobSummary = {
  id: 'J1',
  reference: 'JOB-1001',
  description: 'Replace boiler',
  booked_dates: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'],
  status: 'in_progress',
  closed_at: null,
};

describe('JobTable', () => {
  it('shows the CommTrak columns, a link to the job and the status in words', () => {
    render(
      <MemoryRouter>
        <JobTable jobs={[summary, { ...summary, id: 'J2', reference: 'JOB-1002', status: 'closed', closed_at: '2026-01-10T12:00:00Z', booked_dates: [] }]} page={1} />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Dates booked', 'Reference', 'Description', 'Status', 'Closed']);
    expect(screen.getByRole('link', { name: 'JOB-1001' })).toHaveAttribute('href', '/jobs/J1');
    const [first, second] = screen.getAllByRole('row').slice(1);
    expect(within(first!).getByText('In progress')).toBeInTheDocument();
    expect(first!.querySelectorAll('time')).toHaveLength(3);
    expect(first).toHaveTextContent('and 2 more');
    expect(within(second!).getByText('Closed')).toBeInTheDocument();
    expect(second!.querySelector('time')).toHaveAttribute('dateTime', '2026-01-10T12:00:00Z');
  });

  it('says when there are no jobs', () => {
    render(
      <MemoryRouter>
        <JobTable jobs={[]} page={1} />
      </MemoryRouter>,
    );
    expect(screen.getByText('There are no jobs for your company yet.')).toBeInTheDocument();
  });
});

const job: Job = {
  id: 'J1',
  customer_id: 'C1',
  reference: 'JOB-1001',
  description: 'Replace boiler',
  job_type: 'Maintenance',
  taken_by: 'Tom Taker',
  order_number: 'PO-77',
  booked_dates: ['2026-03-01'],
  scheduled_at: '2026-03-01T08:00:00Z',
  days_allocated: 1.5,
  technicians: ['Ann Fitter', 'Bob Wire'],
  estimated_hours: 6,
  actual_hours: null,
  status: 'booked',
  finished_at: null,
  closed_at: null,
  created_at: '2026-02-20T10:00:00Z',
  updated_at: '2026-02-21T10:00:00Z',
  version: 3,
};

describe('JobFacts', () => {
  it('lists every field of the job, saying which are not recorded', () => {
    render(<JobFacts job={job} />);
    const terms = Array.from(document.querySelectorAll('dt')).map((d) => d.textContent);
    expect(terms).toEqual([
      'Reference',
      'Type',
      'Description',
      'Status',
      'Taken by',
      'Order number',
      'Dates booked',
      'Scheduled for',
      'Days allocated',
      'Technicians',
      'Estimated hours',
      'Actual hours',
      'Finished',
      'Closed',
      'Logged',
      'Last updated',
    ]);
    const value = (term: string) => Array.from(document.querySelectorAll('dt')).find((d) => d.textContent === term)?.nextElementSibling;
    expect(value('Type')).toHaveTextContent('Maintenance');
    expect(value('Order number')).toHaveTextContent('PO-77');
    expect(value('Status')).toHaveTextContent('Booked');
    expect(within(value('Technicians') as HTMLElement).getAllByRole('listitem').map((l) => l.textContent)).toEqual(['Ann Fitter', 'Bob Wire']);
    expect(value('Days allocated')?.textContent).toMatch(/1[.,]5/);
    expect(value('Actual hours')).toHaveTextContent('Not recorded');
    expect(value('Closed')).toHaveTextContent('Not recorded');
  });
});
