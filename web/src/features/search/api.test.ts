import { describe, expect, it } from 'vitest';
import { asSearchKind, hasUsableWord } from './api';

describe('hasUsableWord', () => {
  it('wants a word of two letters or more, or a number, as the API splits the words', () => {
    for (const q of ['ac', 'a ac', 'Q-1001', '7', 'ext-fi', 'Zürich', '  ab  ']) expect(hasUsableWord(q), q).toBe(true);
    for (const q of ['', ' ', 'a', 'a b c', 'Q-', '- _ .', 'é']) expect(hasUsableWord(q), q).toBe(false);
  });
});

describe('asSearchKind', () => {
  it('takes the kinds the API knows and nothing else', () => {
    expect(asSearchKind('quote')).toBe('quote');
    expect(asSearchKind('all')).toBeNull();
    expect(asSearchKind('QUOTE')).toBeNull();
    expect(asSearchKind(null)).toBeNull();
  });
});
