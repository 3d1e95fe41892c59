import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useMe, type Me } from '../api';
import { PostalAddress } from '../components/PostalAddress';
import { PhoneLink } from '../components/PhoneLink';
import { ManagerCard } from '../components/ManagerCard';
import styles from '../components/Company.module.css';
import { useViewingOther } from '../../groups';

const none = m.common.none;
const phoneLink = (phone: string | null | undefined) => <PhoneLink phone={phone} />;

/** A website as a link only when it is an http(s) address (staff typed it); otherwise as text. */
function Website({ value }: { value: string | null | undefined }) {
  if (!value) return <>{none}</>;
  const href = /^https?:\/\//i.test(value) ? value : /^[\w.-]+\.[a-z]{2,}(\/.*)?$/i.test(value) ? `https://${value}` : null;
  return href ? (
    <a href={href} rel="noopener noreferrer" target="_blank">
      {value}
    </a>
  ) : (
    <>{value}</>
  );
}

function Company({ me }: { me: Me }) {
  const t = m.customers.company;
  const c = me.company;
  const main = c.main_contact;
  return (
    <div className="grid">
      <section className="card" aria-labelledby="company-details">
        <h2 id="company-details">{t.details}</h2>
        <dl className="facts">
          <dt>{t.name}</dt>
          <dd>{c.name}</dd>
          <dt>{t.address}</dt>
          <dd>
            <PostalAddress address={c.address} />
          </dd>
          <dt>{t.phone}</dt>
          <dd>{phoneLink(c.phone)}</dd>
          <dt>{t.email}</dt>
          <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none}</dd>
          <dt>{t.website}</dt>
          <dd>
            <Website value={c.website} />
          </dd>
        </dl>
        <p className="muted">{t.readOnly}</p>
      </section>
      <section className="card" aria-labelledby="company-main-contact">
        <h2 id="company-main-contact">{t.mainContact}</h2>
        {main ? (
          <dl className="facts">
            <dt>{t.contactName}</dt>
            <dd>{`${main.first_name} ${main.last_name}`}</dd>
            <dt>{t.contactTitle}</dt>
            <dd>{main.title || none}</dd>
            <dt>{t.contactPhone}</dt>
            <dd>{phoneLink(main.phone)}</dd>
            <dt>{t.contactMobile}</dt>
            <dd>{phoneLink(main.mobile)}</dd>
          </dl>
        ) : (
          <p className="empty">{t.noMainContact}</p>
        )}
      </section>
      <section className="card" aria-labelledby="company-managers">
        <h2 id="company-managers">{t.managers}</h2>
        {me.account_managers.length ? (
          <>
            <p className="muted" id="manager-hint">
              {t.managerHint}
            </p>
            <ul className={styles.managers}>
              {me.account_managers.map((a) => (
                <li key={`${a.role}-${a.email}`}>
                  <ManagerCard manager={a} describedBy="manager-hint" />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="empty">{t.noManagers}</p>
        )}
      </section>
    </div>
  );
}

/** The company's main information (read-only), its main contact and its account managers. */
export default function CompanyPage() {
  const me = useMe();
  // The details come with the contact's own company, whichever portal of their group is in view.
  const viewingOther = useViewingOther();
  return (
    <Page title={m.customers.company.title}>
      {viewingOther && me.data ? <p className="muted">{m.groups.ownCompanyDetails(me.data.company.name)}</p> : null}
      <QueryState query={me}>{(data) => <Company me={data} />}</QueryState>
    </Page>
  );
}
