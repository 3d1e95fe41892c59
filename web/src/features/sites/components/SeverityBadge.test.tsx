import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SeverityBadge } from './SeverityBadge';
import { SeverityTally } from './SeverityTally';

describe('SeverityBadge', () => {
  it.each([
    ['critical', 'Critical'],
    ['non_critical', 'Non-critical'],
    ['non_conformance', 'Non-conformance'],
    ['recommendation', 'Recommendation'],
    ['information', 'Information'],
  ] as const)('says %s in words, not only in colour', (severity, words) => {
    const { container } = render(<SeverityBadge severity={severity} />);
    const badge = container.querySelector('.badge') as HTMLElement;
    expect(badge).toHaveTextContent(words);
    expect(badge).toHaveAttribute('data-severity', severity);
    expect(badge.className).toMatch(new RegExp(severity));
    // The coloured mark is decoration: the name is what assistive technology reads.
    expect(badge.querySelector('[aria-hidden="true"]')).toBeInTheDocument();
    expect(badge.querySelector('[aria-hidden="true"]')).toHaveTextContent('');
  });

  it.each([null, undefined])('says there is nothing open when the worst severity is %s', (severity) => {
    render(<SeverityBadge severity={severity} />);
    expect(screen.getByText('No open defects').closest('.badge')).toHaveAttribute('data-severity', 'none');
  });
});

describe('SeverityTally', () => {
  it('lists every severity worst first, with its count and name, zero included', () => {
    render(<SeverityTally label="Open defects by severity" counts={{ information: 2, critical: 1 }} />);
    const items = screen.getByRole('list', { name: 'Open defects by severity' }).querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['1Critical', '0Non-critical', '0Non-conformance', '0Recommendation', '2Information']);
  });
});
