// The dashboard's figures, shaped once for both the charts and their tables.
import { formatMonth, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import { OPEN_STATUSES, PRIORITIES, type Dashboard, type Priority, type TicketStatus } from '../api';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Month {
  month: string;
  label: string;
  opened: number;
  closed: number;
}

export interface Resolution {
  priority: Priority;
  label: string;
  hours: number | null;
  tickets: number;
}

export interface Figures {
  byStatus: Count[];
  byPriority: Count[];
  months: Month[];
  resolution: Resolution[];
}

/** Every open status and every priority appears, with zero where there are none. */
export function figures(d: Dashboard): Figures {
  const sum = (pick: (o: Dashboard['open'][number]) => boolean) => d.open.filter(pick).reduce((n, o) => n + o.count, 0);
  const statuses: TicketStatus[] = [...OPEN_STATUSES, ...d.open.map((o) => o.status).filter((s) => !OPEN_STATUSES.includes(s))];
  return {
    byStatus: [...new Set(statuses)].map((s) => ({ key: s, label: m.tickets.status[s], count: sum((o) => o.status === s) })),
    byPriority: PRIORITIES.map((p) => ({ key: p, label: m.tickets.priority[p], count: sum((o) => o.priority === p) })),
    months: d.months.map((x) => ({ month: x.month, label: formatMonth(x.month), opened: x.opened, closed: x.closed })),
    resolution: PRIORITIES.map((p) => {
      const r = d.mean_resolution_hours.find((x) => x.priority === p);
      return { priority: p, label: m.tickets.priority[p], hours: r?.mean_hours ?? null, tickets: r?.tickets ?? 0 };
    }),
  };
}

/** Hours to one decimal, in the contact's locale. */
export const hours = (h: number) => formatNumber(h, 1);

/** What a chart shows, in one sentence for its `aria-label`. */
export const summaries = {
  counts: (title: string, rows: Count[]) =>
    m.tickets.dashboard.summary.counts(
      title,
      rows.map((r) => m.tickets.dashboard.summary.count(r.label, formatNumber(r.count))),
    ),
  months: (rows: Month[]) => {
    const s = m.tickets.dashboard;
    const total = (k: 'opened' | 'closed') => formatNumber(rows.reduce((n, r) => n + r[k], 0));
    return s.summary.months(s.perMonth, rows[0]?.label ?? '', rows.at(-1)?.label ?? '', total('opened'), total('closed'));
  },
  resolution: (rows: Resolution[]) =>
    m.tickets.dashboard.summary.counts(
      m.tickets.dashboard.resolution,
      rows.map((r) => m.tickets.dashboard.summary.hours(r.label, r.hours === null ? null : hours(r.hours))),
    ),
};
