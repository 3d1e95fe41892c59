import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ManagerCard, managerPhone, type Manager } from './ManagerCard';

const SAM: Manager = { role: 'sales_rep', name: 'Sam Seller', email: 'sam@portal.example.com', phone: '+44 20 7946 0100', mobile: '+44 7700 900900' };
const RITA: Manager = { role: 'relationship_manager', name: 'Rita Relations', email: 'rita@portal.example.com', phone: '+44 20 7946 0100', mobile: '+44 7700 900999' };

function renderCard(manager: Manager) {
  render(
    <>
      <ManagerCard manager={manager} />
      <button type="button">elsewhere</button>
    </>,
  );
  return screen.getByRole('button', { name: manager.name });
}

describe('managerPhone', () => {
  it('gives a sales rep’s mobile where on file, else the phone', () => {
    expect(managerPhone(SAM)).toBe('+44 7700 900900');
    expect(managerPhone({ ...SAM, mobile: null })).toBe('+44 20 7946 0100');
  });

  it('gives anyone else the phone given (the business’s main number), never their mobile', () => {
    expect(managerPhone(RITA)).toBe('+44 20 7946 0100');
    expect(managerPhone({ ...RITA, phone: null })).toBeNull();
  });
});

describe('ManagerCard', () => {
  it('shows the role and the name, with the details hidden at first', () => {
    const button = renderCard(SAM);
    expect(screen.getByText('Sales representative')).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'sam@portal.example.com' })).not.toBeInTheDocument();
  });

  it('reveals the phone and a mailto link on keyboard focus, keeps them while focus is inside, hides them after', async () => {
    const user = userEvent.setup();
    const button = renderCard(SAM);
    await user.tab();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: '+44 7700 900900' })).toHaveAttribute('href', 'tel:+447700900900');
    const mail = screen.getByRole('link', { name: 'sam@portal.example.com' });
    expect(mail).toHaveAttribute('href', 'mailto:sam@portal.example.com');

    await user.tab(); // into the panel: the phone link
    await user.tab(); // the email link
    expect(mail).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'true');

    await user.tab(); // out
    expect(screen.getByRole('button', { name: 'elsewhere' })).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'sam@portal.example.com' })).not.toBeInTheDocument();
  });

  it('reveals them on hover and hides them when the pointer leaves', async () => {
    const user = userEvent.setup();
    const button = renderCard(RITA);
    await user.hover(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: '+44 20 7946 0100' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'rita@portal.example.com' })).toHaveAttribute('href', 'mailto:rita@portal.example.com');
    await user.unhover(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('reveals them on a tap or click (touch), and Escape hides them', async () => {
    const user = userEvent.setup();
    const button = renderCard(SAM);
    await user.click(button);
    await user.unhover(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'sam@portal.example.com' })).not.toBeInTheDocument();
  });
});
