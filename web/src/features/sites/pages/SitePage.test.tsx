import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { renderWith } from '../testing';

let state: Record<string, unknown> = {};
vi.mock('../api', () => ({ useSite: () => state }));
const { default: SitePage } = await import('./SitePage');

function renderAt(id: string) {
  renderWith(<SitePage />, { path: '/sites/:id', route: `/sites/${id}` });
}

describe('SitePage', () => {
  it('says the property was not found on a 404 (missing, or another company’s)', () => {
    state = { isError: true, error: new ApiProblem(404, { title: 'Not found' }, null), data: undefined, refetch: vi.fn() };
    renderAt('nope');
    expect(screen.getByRole('heading', { level: 1, name: 'Property not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All properties' })).toHaveAttribute('href', '/sites');
  });

  it('offers a retry on a server error', () => {
    state = { isError: true, error: new ApiProblem(503, {}, null), data: undefined, refetch: vi.fn() };
    renderAt('S1');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
