import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { PhoneLink, PostalAddress, type Me } from '../../customers';

/** The company's main information in brief, linking to the full page when the main-info module is on. */
export function CompanySummary({ company, linkToDetails }: { company: Me['company']; linkToDetails: boolean }) {
  const t = m.home.company;
  return (
    <section className="card" aria-labelledby="home-company">
      <h2 id="home-company">{t.title}</h2>
      <dl className="facts">
        <dt>{t.name}</dt>
        <dd>{company.name}</dd>
        <dt>{t.address}</dt>
        <dd>
          <PostalAddress address={company.address} />
        </dd>
        <dt>{t.phone}</dt>
        <dd>
          <PhoneLink phone={company.phone} />
        </dd>
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
