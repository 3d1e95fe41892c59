import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe, type Me } from '../../customers';
import { openLink } from '../../documents';
import { useGroup, useViewedCustomer } from '../../groups';
import { newestDocuments, useDocumentLink, useDocumentTree, useRecentTickets, type RecentDocument } from '../api';
import { CompanySummary } from '../components/CompanySummary';
import styles from '../components/Home.module.css';
import { RecentDocuments } from '../components/RecentDocuments';
import { RecentTickets } from '../components/RecentTickets';
import { Shortcuts } from '../components/Shortcuts';

function TicketsCard() {
  const tickets = useRecentTickets(true);
  const t = m.home.tickets;
  return (
    <section className="card" aria-labelledby="home-tickets">
      <h2 id="home-tickets">{t.title}</h2>
      <QueryState query={tickets}>{(page) => <RecentTickets tickets={page.items} />}</QueryState>
      <p>
        <Link to={paths.tickets}>{t.all}</Link>
      </p>
    </section>
  );
}

function DocumentsCard() {
  const tree = useDocumentTree(true);
  const link = useDocumentLink();
  const [opening, setOpening] = useState<string | null>(null);
  const t = m.home.documents;
  const open = (doc: RecentDocument) => {
    setOpening(doc.id);
    link.mutate(doc.id, {
      onSuccess: (l) => {
        openLink(l);
      },
      onSettled: () => setOpening(null),
    });
  };
  return (
    <section className="card" aria-labelledby="home-documents">
      <h2 id="home-documents">{t.title}</h2>
      <ErrorAlert error={link.error} />
      <QueryState query={tree}>
        {(root) => <RecentDocuments documents={newestDocuments(root)} opening={opening} onOpen={open} />}
      </QueryState>
      <p>
        <Link to={paths.documents}>{t.all}</Link>
      </p>
    </section>
  );
}

function Home({ me }: { me: Me }) {
  const modules = me.modules;
  // Another company of the contact's group in view: its name, and none of their own company's details.
  const viewed = useViewedCustomer();
  const other = viewed !== null;
  const viewedName = useGroup(other).data?.customers.find((c) => c.id === viewed)?.name;
  return (
    <>
      <p className={styles.intro}>{m.home.intro(viewedName ?? me.company.name)}</p>
      <Shortcuts modules={modules} readOnly={other} />
      <div className="grid">
        {other ? null : <CompanySummary company={me.company} linkToDetails={modules.includes('main_info')} />}
        {modules.includes('tickets') ? <TicketsCard /> : null}
        {modules.includes('documents') ? <DocumentsCard /> : null}
      </div>
    </>
  );
}

/**
 * The portal's home: a welcome, the company in brief, shortcuts, recent tickets and documents. Its API
 * calls: /portal/me (cached with the shell), /portal/tickets?limit=5 and /portal/documents, each only when
 * its module is on.
 */
export default function HomePage() {
  const me = useMe();
  return (
    <Page title={me.data ? m.home.welcome(me.data.contact.first_name) : m.home.title}>
      <QueryState query={me}>{(data) => <Home me={data} />}</QueryState>
    </Page>
  );
}
