// Test helpers of this feature: the shared renderWith, and sample fields and sheets.
import type { FieldDef, SheetView } from './api';

export { renderWith } from '../../test/render';

/** One field of every kind, as the API describes them. */
export const FIELDS: FieldDef[] = [
  { key: 'site', label: 'Site name', type: 'text', max_length: 40, required: true, help: 'As on the contract.' },
  { key: 'notes', label: 'Notes', type: 'multi_line_text', max_length: 500 },
  { key: 'floors', label: 'Floors', type: 'number', min: 1, max: 50, integer: true, required: true },
  { key: 'visit', label: 'Visit date', type: 'date' },
  { key: 'lift', label: 'Has a lift', type: 'yes_no' },
  { key: 'risk', label: 'Risk', type: 'single_choice', options: ['Low', 'High'], required: true },
  { key: 'kit', label: 'Equipment', type: 'multiple_choice', options: ['Ladder', 'Drill', 'Scaffold'] },
];

export function sheetView(over: { values?: Record<string, unknown>; layout?: string | null; status?: 'draft' | 'submitted'; version?: number } = {}): SheetView {
  return {
    sheet: {
      id: '01JSHEET00000000000000000A',
      customer_id: '01JD00000000000000000000AC',
      template_id: '01JTEMPLATE000000000000000',
      template_version: 1,
      template_name: 'Site survey',
      status: over.status ?? 'draft',
      values: (over.values ?? {}) as Record<string, never>,
      created_by: { kind: 'contact', id: 'c1' },
      created_by_name: 'Alice Example',
      created_at: '2026-03-01T10:00:00Z',
      updated_at: '2026-03-01T10:00:00Z',
      submitted_at: over.status === 'submitted' ? '2026-03-02T10:00:00Z' : null,
      submitted_by: over.status === 'submitted' ? 'Alice Example' : null,
      ticket_id: over.status === 'submitted' ? '01JTICKET00000000000000000' : null,
      ticket_number: over.status === 'submitted' ? 1042 : null,
      version: over.version ?? 3,
    },
    template: {
      id: '01JTEMPLATE000000000000000',
      name: 'Site survey',
      description: null,
      fields: FIELDS,
      layout_html: over.layout ?? null,
      updated_at: '2026-01-01T00:00:00Z',
      version: 1,
    },
  };
}
