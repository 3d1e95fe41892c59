import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { addressLines, type Me } from '../../customers';
import styles from './Home.module.css';

/** The company's main information in brief, linking to the full page when the main-info module is on. */
export function CompanySummary({ company, linkToDetails }: { company: Me['company']; linkToDetails: boolean }) {
  const t = m.home.company;
  const lines = addressLines(company.address);
  return (
    <section className="card" aria-labelledby="home-company">
      <h2 id="home-company">{t.title}</h2>
      <dl className="facts">
        <dt>{t.name}</dt>
        <dd>{company.name}</dd>
        <dt>{t.address}</dt>
        <dd>
          {lines.length ? (
            <address className={styles.address}>
              {lines.map((l, i) => (
                <span key={i} className={styles.line}>
                  {l}
                </span>
              ))}
            </address>
          ) : (
            m.common.none
          )}
        </dd>
        <dt>{t.phone}</dt>
        <dd>{company.phone ? <a href={`tel:${company.phone.replace(/[^\d+]/g, '')}`}>{company.phone}</a> : m.common.none}</dd>
        <dt>{t.email}</dt>
        <dd>{company.email ? <a href={`mailto:${company.email}`}>{company.email}</a> : m.common.none}</dd>
      </dl>
      {linkToDetails ? (
        <p>
          <Link to={paths.company}>{t.more}</Link>
        </p>
      ) : null}
    </section>
  );
}
