import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { ConfidentialityPanel } from './ConfidentialityPanel';

describe('ConfidentialityPanel', () => {
  it('offers to mark a shared ticket confidential', async () => {
    const onChange = vi.fn();
    render(<ConfidentialityPanel confidential={false} busy={false} error={null} onChange={onChange} />);
    expect(screen.getByRole('region', { name: 'Who can see it' })).toHaveTextContent('can see this ticket too');
    await userEvent.click(screen.getByRole('button', { name: 'Mark confidential' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('offers to share a confidential ticket again, and is busy while saving', async () => {
    const onChange = vi.fn();
    render(<ConfidentialityPanel confidential busy error={null} onChange={onChange} />);
    expect(screen.getByRole('region', { name: 'Who can see it' })).toHaveTextContent('only you and our staff can see it');
    const button = screen.getByRole('button', { name: 'Share with colleagues' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(button);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says why the last change failed', () => {
    const error = new ApiProblem(403, { title: 'Forbidden', status: 403, detail: 'Not yours to change.' }, null);
    render(<ConfidentialityPanel confidential={false} busy={false} error={error} onChange={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Not yours to change.');
  });
});
