import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SecretKey } from './SecretKey';

describe('SecretKey', () => {
  it('shows the secret in groups of four and copies it without the spaces', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<SecretKey secret="JBSWY3DPEHPK3PXPAB" />);
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP AB');
    await user.click(screen.getByRole('button', { name: 'Copy the key' }));
    expect(writeText).toHaveBeenCalledWith('JBSWY3DPEHPK3PXPAB');
    expect(await screen.findByRole('status')).toHaveTextContent('Key copied.');
  });
});
