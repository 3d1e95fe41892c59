// Test helpers of this feature: a folder tree like the demo's, and the providers pages need.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import type { Folder } from './api';

const doc = (id: string, name: string, content_type: string, size: number) => ({ id, name, content_type, size, created_at: '2026-03-04T09:00:00Z' });

export const TREE: Folder = {
  name: '',
  path: '',
  folders: [
    {
      name: 'Contracts',
      path: 'Contracts',
      folders: [
        { name: '2026', path: 'Contracts/2026', folders: [], documents: [doc('D1', 'Service agreement.pdf', 'application/pdf', 183_500)] },
      ],
      documents: [],
    },
    {
      name: 'Reports',
      path: 'Reports',
      folders: [],
      documents: [
        doc('D2', 'Floor plan.png', 'image/png', 52_000),
        doc('D3', 'Asset register.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 9_800),
      ],
    },
  ],
  documents: [doc('D4', 'Welcome.txt', 'text/plain', 120)],
};

export function renderWith(ui: ReactElement, route = '/documents') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}
