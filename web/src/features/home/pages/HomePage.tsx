import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useMe, type Me } from '../../customers';
import { openLink } from '../../documents';
import { useViewingOther } from '../../groups';
import { newestDocuments, useDocumentLink, useDocumentTree, useLatestArticles, useRecentTickets, type RecentDocument } from '../api';
import { CompanySummary } from '../components/CompanySummary';
import styles from '../components/Home.module.css';
import { LatestArticles } from '../components/LatestArticles';
import { RecentDocuments } from '../components/RecentDocuments';
import { RecentTickets } from '../components/RecentTickets';
import { Shortcuts } from '../components/Shortcuts';
import { PANEL_MODULES } from '../panelModules';

// The panels (their charts and the map's Leaflet load later still) are a chunk of their own, loaded only
// for a company with one of their modules on.
const Panels = lazy(() => import('../components/Panels'));

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

function ArticlesCard() {
  const articles = useLatestArticles(true);
  const t = m.articles.home;
  return (
    <section className="card" aria-labelledby="home-articles">
      <h2 id="home-articles">{t.title}</h2>
      <QueryState query={articles}>{(page) => <LatestArticles articles={page.items} />}</QueryState>
      <p>
        <Link to={paths.help}>{t.all}</Link>
      </p>
    </section>
  );
}

function Home({ me }: { me: Me }) {
  const modules = me.modules;
  // Another company of the contact's group in view: its name (from /portal/me, which follows the view, as
  // do its modules), and none of their own company's details.
  const other = useViewingOther();
  const panelsOn = PANEL_MODULES.some((module) => modules.includes(module));
  return (
    <>
      <p className={styles.intro}>{m.home.intro(me.viewing?.name ?? me.company.name)}</p>
      <Shortcuts modules={modules} readOnly={other} />
      <div className="grid">
        {other ? null : <CompanySummary company={me.company} linkToDetails={modules.includes('main_info')} />}
        {modules.includes('tickets') ? <TicketsCard /> : null}
        {modules.includes('documents') ? <DocumentsCard /> : null}
        {modules.includes('knowledge_base') ? <ArticlesCard /> : null}
      </div>
      {panelsOn ? (
        <Suspense fallback={<Loading />}>
          <Panels modules={modules} />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * The portal's home: a welcome, the company in brief, shortcuts, recent tickets and documents, the latest
 * help articles, then the panels: the map of the sites, the first properties with their counts, quotes and
 * invoices, spend, defects, routine activities and service calls. Its API calls: /portal/me (cached with
 * the shell), /portal/tickets?limit=5, /portal/documents and /portal/articles?limit=5, and one per panel
 * (/portal/sites/map, /portal/sites?limit=10, /portal/activity, /portal/spend, /portal/defects/summary,
 * /portal/routine/summary, /portal/service-calls/summary), each only when its module is on.
 */
export default function HomePage() {
  const me = useMe();
  return (
    <Page title={me.data ? m.home.welcome(me.data.contact.first_name) : m.home.title}>
      <QueryState query={me}>{(data) => <Home me={data} />}</QueryState>
    </Page>
  );
}
