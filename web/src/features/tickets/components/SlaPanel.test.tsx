import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import type { SlaClock } from '../api';
import { SlaPanel, SlaStateBadge } from './SlaPanel';

const DUE = '2026-03-01T13:00:00Z';
const DONE = '2026-03-01T11:30:00Z';
const clock = (state: SlaClock['state'], done_at: string | null = null): SlaClock => ({ due: DUE, done_at, state });

describe('SlaStateBadge', () => {
  it.each([
    ['met', 'Met'],
    ['missed', 'Missed'],
    ['overdue', 'Overdue'],
    ['pending', `Due by ${formatDateTime(DUE)}`],
  ] as const)('says %s in words, with its own colour', (state, words) => {
    render(<SlaStateBadge clock={clock(state)} />);
    const badge = screen.getByText(words);
    expect(badge).toHaveClass('badge');
    expect(badge.className).toMatch(new RegExp(state));
  });
});

describe('SlaPanel', () => {
  it('lists the response and resolution targets: due, state and when done', () => {
    render(<SlaPanel sla={{ response: clock('missed', DONE), resolution: clock('overdue') }} />);
    const panel = screen.getByRole('region', { name: 'Service levels' });
    const [, response, resolution] = within(panel).getAllByRole('row');
    expect(within(response!).getByRole('rowheader')).toHaveTextContent('First response');
    expect(response).toHaveTextContent(formatDateTime(DUE));
    expect(response).toHaveTextContent('Missed');
    expect(response).toHaveTextContent(`Done ${formatDateTime(DONE)}`);
    expect(within(resolution!).getByRole('rowheader')).toHaveTextContent('Resolution');
    expect(resolution).toHaveTextContent('Overdue');
    expect(resolution).not.toHaveTextContent('Done');
  });

  it('shows only the target there is', () => {
    render(<SlaPanel sla={{ response: null, resolution: clock('met', DONE) }} />);
    const rows = within(screen.getByRole('region', { name: 'Service levels' })).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Resolution');
  });

  it('shows nothing when neither target is set', () => {
    const { container } = render(<SlaPanel sla={{ response: null, resolution: null }} />);
    expect(container).toBeEmptyDOMElement();
    render(<SlaPanel sla={{}} />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
