import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FilterToggle } from '../components/FilterToggle';
import { Where } from '../test/fakeNetwork';
import { renderWith } from '../test/render';
import { useFilterParam } from './useFilterParam';

const OPTIONS = ['unpaid', 'paid', 'void'] as const;

function Filter() {
  const [value, set] = useFilterParam(OPTIONS);
  return (
    <>
      <FilterToggle legend="Show" value={value} options={OPTIONS} labels={{ unpaid: 'Unpaid', paid: 'Paid', void: 'Void' }} onChange={set} />
      <Where />
    </>
  );
}

describe('useFilterParam', () => {
  it('opens the list the address names, and keeps the choice in the address', async () => {
    const user = userEvent.setup();
    renderWith(<Filter />, { path: '/invoices', route: '/invoices?status=void' });
    expect(screen.getByRole('radio', { name: 'Void' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Paid' }));
    expect(screen.getByRole('radio', { name: 'Paid' })).toBeChecked();
    expect(screen.getByTestId('where')).toHaveTextContent('/invoices?status=paid');
    await user.click(screen.getByRole('radio', { name: 'Unpaid' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/invoices$/);
  });

  it('falls back to the first option for an unknown one', () => {
    renderWith(<Filter />, { path: '/invoices', route: '/invoices?status=lost' });
    expect(screen.getByRole('radio', { name: 'Unpaid' })).toBeChecked();
  });
});
