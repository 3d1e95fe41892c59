import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatMonth } from '../../../lib/format';
import { callField, fakeApi, job, renderWith, routineField } from '../testing';
import { FieldFacts } from './FieldFacts';
import { RoutineJobTable, ServiceCallTable, SiteJobTable } from './FieldJobTables';

afterEach(() => vi.restoreAllMocks());

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('RoutineJobTable', () => {
  it('lists each job with its property, month due, outcome in words and the day it was done', async () => {
    fakeApi();
    renderWith(
      <RoutineJobTable
        page={1}
        jobs={[
          job(routineField()),
          job(routineField({ site_id: '01JSITE0000000000000000002', outcome: 'missed', performed_on: null, stage: 'on_hold' }), {
            id: 'J2',
            reference: 'R-2611-2',
          }),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Routine work, by property' });
    await within(table).findByRole('link', { name: 'Riverside Offices' });
    expect(rows(table)).toEqual([
      ['Reference', 'Property', 'Month due', 'Outcome', 'Performed'],
      ['R-2611-1', 'Acme House', formatMonth('2026-11'), 'On time', formatDate('2026-11-10')],
      ['R-2611-2', 'Riverside Offices', formatMonth('2026-11'), 'Missed', 'Not yet'],
    ]);
    expect(within(table).getByRole('link', { name: 'R-2611-1' })).toHaveAttribute('href', '/jobs/01JJOB00000000000000000001');
    expect(within(table).getByRole('link', { name: 'Acme House' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000001');
    expect(table.querySelector('[data-outcome="missed"]')).toBeInTheDocument();
  });

  it('names the property but links no job page when the company has no jobs module', async () => {
    fakeApi(undefined, ['sites', 'routine']);
    renderWith(<RoutineJobTable page={1} jobs={[job(routineField())]} />);
    await screen.findByRole('link', { name: 'Acme House' });
    expect(screen.queryByRole('link', { name: 'R-2611-1' })).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'R-2611-1' })).toBeInTheDocument();
  });

  it('says when nothing is due', () => {
    fakeApi();
    renderWith(<RoutineJobTable page={1} jobs={[]} />);
    expect(screen.getByText('No routine work is due in this month.')).toBeInTheDocument();
  });
});

describe('ServiceCallTable', () => {
  it('lists each call with what it is about, its property, stage in words and its days', async () => {
    fakeApi();
    renderWith(
      <ServiceCallTable
        page={2}
        jobs={[job(callField(), { reference: 'S-2612-1', description: 'Fire door not closing fully' }), job(callField({ stage: 'complete', performed_on: '2026-12-03' }), { id: 'J2', reference: 'S-2612-2', description: 'Exit sign damaged' })]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Service calls, newest first, page 2' });
    await within(table).findAllByRole('link', { name: 'Riverside Offices' });
    expect(rows(table)).toEqual([
      ['Reference', 'Description', 'Property', 'Stage', 'Logged', 'Performed'],
      ['S-2612-1', 'Fire door not closing fully', 'Riverside Offices', 'On hold', formatDate('2026-12-01'), 'Not yet'],
      ['S-2612-2', 'Exit sign damaged', 'Riverside Offices', 'Complete', formatDate('2026-12-01'), formatDate('2026-12-03')],
    ]);
  });
});

describe('SiteJobTable', () => {
  it('lists routine work by its month due and calls by the day logged, the outcome for routine work only', () => {
    fakeApi();
    renderWith(
      <SiteJobTable
        page={1}
        jobs={[job(callField(), { id: 'J2', reference: 'S-2612-1', description: 'Sprinkler head leaking' }), job(routineField({ outcome: 'late' }))]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Jobs at this property, newest first' });
    expect(rows(table)).toEqual([
      ['Reference', 'Description', 'Kind', 'Stage', 'Due or logged', 'Outcome'],
      ['S-2612-1', 'Sprinkler head leaking', 'Service call', 'On hold', `Logged ${formatDate('2026-12-01')}`, '—'],
      ['R-2611-1', 'Monthly fire safety checks', 'Routine', 'Complete', `Due ${formatMonth('2026-11')}`, 'Late'],
    ]);
  });

  it('says when the property has no field jobs', () => {
    fakeApi();
    renderWith(<SiteJobTable page={1} jobs={[]} />);
    expect(screen.getByText('There are no field jobs at this property yet.')).toBeInTheDocument();
  });
});

describe('FieldFacts', () => {
  const facts = () =>
    Object.fromEntries([...document.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));

  it('shows routine work’s property, stage, month due and tolerance, days and outcome', async () => {
    fakeApi();
    renderWith(<FieldFacts field={routineField({ outcome: 'within_tolerance', performed_on: '2026-12-08' })} />);
    expect(screen.getByRole('region', { name: 'Field service' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Acme House' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000001');
    expect(facts()).toEqual({
      Property: 'Acme House',
      Kind: 'Routine',
      Stage: 'Complete',
      'Month due': formatMonth('2026-11'),
      Tolerance: '14 days after the month ends',
      Logged: formatDate('2026-10-12'),
      Performed: formatDate('2026-12-08'),
      Outcome: 'Within tolerance',
    });
  });

  it('shows a service call without a month due, tolerance or outcome', async () => {
    fakeApi();
    renderWith(<FieldFacts field={callField()} />);
    await screen.findByRole('link', { name: 'Riverside Offices' });
    expect(facts()).toEqual({
      Property: 'Riverside Offices',
      Kind: 'Service call',
      Stage: 'On hold',
      Logged: formatDate('2026-12-01'),
      Performed: 'Not yet',
    });
  });
});
