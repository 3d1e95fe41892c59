import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { homeKeys } from './api';

// The mutations of other features invalidate their own keys (tickets: raise, close, a submitted data sheet;
// documents: an upload); home's recent tickets and documents must be among what they refresh.
describe('home query keys', () => {
  it('are refreshed when the ticket lists or the document tree are', async () => {
    const qc = new QueryClient();
    qc.setQueryData(homeKeys.tickets, { items: [] });
    qc.setQueryData(homeKeys.documents, { folders: [], documents: [] });
    await qc.invalidateQueries({ queryKey: ['tickets', 'list'] });
    await qc.invalidateQueries({ queryKey: ['documents', 'tree'] });
    expect(qc.getQueryState(homeKeys.tickets)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(homeKeys.documents)?.isInvalidated).toBe(true);
  });
});
