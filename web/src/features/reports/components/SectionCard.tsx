import { useId } from 'react';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { ReportSection } from '../api';
import { FigureAmounts } from './FigureAmounts';
import styles from './Reports.module.css';

/** One section of the month (tickets, invoices, …): its figures with their counts and, for money, amounts. */
export function SectionCard({ section }: { section: ReportSection }) {
  const t = m.reports.sections;
  const headingId = useId();
  const withAmounts = section.figures.some((f) => f.amounts.length > 0);
  return (
    <section className="card" aria-labelledby={headingId} data-section={section.key}>
      <h2 id={headingId}>{section.title}</h2>
      <table aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t.figure}</th>
            <th scope="col" className={styles.number}>
              {t.count}
            </th>
            {withAmounts ? (
              <th scope="col" className={styles.number}>
                {t.amount}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {section.figures.map((f) => (
            <tr key={f.key} className={f.count === 0 ? styles.zero : undefined}>
              <th scope="row">{f.label}</th>
              <td className={styles.number}>{formatNumber(f.count)}</td>
              {withAmounts ? (
                <td className={styles.number}>
                  <FigureAmounts amounts={f.amounts} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every section of the month, as a grid of small cards. */
export function SectionCards({ sections }: { sections: ReportSection[] }) {
  return (
    <div className={`grid ${styles.sections}`}>
      {sections.map((s) => (
        <SectionCard key={s.key} section={s} />
      ))}
    </div>
  );
}
