import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationEntry } from '../api';
import { Conversation } from './Conversation';

const entry = (over: Partial<ConversationEntry>): ConversationEntry => ({
  id: over.id ?? 'n1',
  kind: 'contact',
  author: 'Alice Archer',
  body: 'Hello',
  created_at: '2026-03-01T09:30:00Z',
  ...over,
});

describe('Conversation', () => {
  it('shows an HTML-looking body as text and never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b><script>alert(2)</script>';
    const { container } = render(<Conversation myName="Alice Archer" entries={[entry({ body: hostile })]} />);
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('keeps the line breaks of a body', () => {
    render(<Conversation myName="Alice Archer" entries={[entry({ body: 'line one\nline two' })]} />);
    const body = screen.getByText(/line one/);
    expect(body.textContent).toBe('line one\nline two');
    expect(body.tagName).toBe('P');
  });

  it('labels each message by where it comes from, oldest first as given', () => {
    render(
      <Conversation
        myName="Alice Archer"
        entries={[
          entry({ id: 'a', kind: 'contact', author: 'Alice Archer', body: 'first' }),
          entry({ id: 'b', kind: 'public', author: 'Sam Support', body: 'second' }),
          entry({ id: 'c', kind: 'email', author: 'Sam Support', body: 'third' }),
          entry({ id: 'd', kind: 'contact', author: 'Bob Baker', body: 'fourth' }),
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading').textContent)).toEqual([
      'Note from you',
      'Reply from support',
      'Email from support',
      'Note from your colleague',
    ]);
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual(['first', 'second', 'third', 'fourth']);
    expect(within(items[1]!).getByText('by Sam Support')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('article', { name: 'Note from you' })).toBeInTheDocument();
  });

  it('says when there is nothing yet', () => {
    render(<Conversation myName="" entries={[]} />);
    expect(screen.getByText('No messages yet.')).toBeInTheDocument();
  });
});
