import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { site } from '../testing';
import { SiteTable } from './SiteTable';

describe('SiteTable', () => {
  it('lists the properties with their address, what needs attention and the worst open defect in words', () => {
    render(
      <MemoryRouter>
        <SiteTable
          page={1}
          sites={[
            site(),
            site({
              id: 'S2',
              name: 'Camden Depot',
              address: { line1: '5 Chalk Farm Road', city: 'London', postcode: 'NW1 8AB' },
              attention: { open_defects: 0, worst_severity: null, by_severity: {}, overdue_invoices: 0, quotes_awaiting: 0 },
            }),
            site({ id: 'S3', name: 'Empty Lot', address: {}, attention: { open_defects: 0, worst_severity: 'information', by_severity: { information: 1 }, overdue_invoices: 0, quotes_awaiting: 0 } }),
          ]}
        />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Properties, by name' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Property',
      'Address',
      'Open defects needing attention',
      'Worst open defect',
    ]);
    expect(within(table).getByRole('link', { name: 'Acme House' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000001');
    const [first, second, third] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('1 Example Street, London, EC1A 1AA, United Kingdom');
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('Acme House');
    expect(first!.querySelectorAll('td')[1]).toHaveTextContent('3');
    expect(within(first!).getByText('Critical')).toBeInTheDocument();
    expect(within(second!).getByText('No open defects')).toBeInTheDocument();
    expect(second).toHaveTextContent('5 Chalk Farm Road, London, NW1 8AB');
    expect(third!.querySelectorAll('td')[0]).toHaveTextContent('—');
    expect(within(third!).getByText('Information')).toBeInTheDocument();
  });

  it('names the page in its caption after the first', () => {
    render(
      <MemoryRouter>
        <SiteTable page={2} sites={[site()]} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('table', { name: 'Properties, by name, page 2' })).toBeInTheDocument();
  });

  it('says when there are no properties', () => {
    render(
      <MemoryRouter>
        <SiteTable page={1} sites={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByText('There are no properties for your company yet.')).toBeInTheDocument();
  });

  it('with the billing modules, links each figure of quotes awaiting and overdue invoices to the list behind it', () => {
    render(
      <MemoryRouter>
        <SiteTable page={1} quotesOn invoicesOn sites={[site(), site({ id: 'S2', name: 'Camden Depot', attention: { ...site().attention, overdue_invoices: 0, quotes_awaiting: 0 } })]} />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Properties, by name' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Property',
      'Address',
      'Open defects needing attention',
      'Worst open defect',
      'Quotes awaiting a decision',
      'Overdue invoices',
    ]);
    expect(within(table).getByRole('link', { name: '2 quotes await a decision at Acme House' })).toHaveAttribute(
      'href',
      '/sites/01JSITE0000000000000000001#quotes',
    );
    const overdue = within(table).getByRole('link', { name: '1 overdue invoice at Acme House' });
    expect(overdue).toHaveAttribute('href', '/sites/01JSITE0000000000000000001#invoices');
    expect(overdue).toHaveTextContent('1');
    // Nothing behind a zero: a figure, not a link.
    const camden = within(table).getAllByRole('row')[2]!;
    expect(within(camden).getAllByRole('link')).toHaveLength(1);
    expect([...camden.querySelectorAll('td')].slice(3).map((c) => c.textContent)).toEqual(['0', '0']);
  });

  it('leaves out the billing columns when those modules are off', () => {
    render(
      <MemoryRouter>
        <SiteTable page={1} sites={[site()]} />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
  });
});
