import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Loading';
import { focusPageHeading } from '../components/Page';
import { useMe, type Module } from '../features/customers';
import { useGroup, useViewedCustomer, ViewBanner, ViewSwitcher } from '../features/groups';
import { NewsAnnouncements, NewsBanner, useNews } from '../features/news';
import { HeaderSearch } from '../features/search/parts';
import { formatDate } from '../lib/format';
import { paths } from '../lib/paths';
import { signOut } from '../lib/session';
import { m } from '../messages';

const NAV: { module: Module | null; to: string; label: string }[] = [
  { module: null, to: paths.home, label: m.common.nav.home },
  { module: 'main_info', to: paths.company, label: m.common.nav.main_info },
  { module: 'contacts', to: paths.contacts, label: m.common.nav.contacts },
  { module: 'tickets', to: paths.tickets, label: m.common.nav.tickets },
  { module: 'ticket_dashboard', to: paths.dashboard, label: m.common.nav.ticket_dashboard },
  { module: 'jobs', to: paths.jobs, label: m.common.nav.jobs },
  { module: 'workflows', to: paths.workflows, label: m.common.nav.workflows },
  { module: 'data_sheets', to: paths.datasheets, label: m.common.nav.data_sheets },
  { module: 'documents', to: paths.documents, label: m.common.nav.documents },
  { module: 'projects', to: paths.projects, label: m.common.nav.projects },
  { module: 'sites', to: paths.sites, label: m.sites.nav },
  { module: 'quotes', to: paths.quotes, label: m.billing.nav.quotes },
  { module: 'invoices', to: paths.invoices, label: m.billing.nav.invoices },
  { module: 'reports', to: paths.reports, label: m.reports.nav },
  { module: 'knowledge_base', to: paths.help, label: m.articles.nav },
];

/** The frame of every signed-in page: news, header, navigation, notices and the page itself. */
export function Shell() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const firstPath = useRef(true);
  const modules = me.data?.modules ?? [];
  const newsOn = modules.includes('news');
  const news = useNews(newsOn);
  const group = useGroup();
  // Another customer of the contact's group whose portal is in view (null: their own company's). /portal/me
  // follows the view: its modules are that portal's (the menu below), and `viewing` names it.
  const viewed = useViewedCustomer();
  const viewedName = me.data?.viewing?.name;
  // The frame appears whole: news banner, navigation, the group's banner and notices together, so nothing
  // shifts the page down after it is drawn (the banners and notice depend on these three answers).
  const framing = me.isPending || (newsOn && news.isPending) || group.isPending;

  // After navigating, close the menu and move focus to the new page's heading, so screen readers hear it.
  // (A page still loading takes it when its heading appears; the first page of a visit is left alone.)
  useEffect(() => {
    setMenuOpen(false);
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    focusPageHeading(mainRef.current);
  }, [location.pathname]);

  const name = me.data ? `${me.data.contact.first_name} ${me.data.contact.last_name}` : '';
  const notice = me.data?.renewal_notice;

  if (framing) {
    return (
      <div className="shell shell-loading">
        <Loading />
      </div>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      {newsOn ? <NewsBanner key={viewed ?? ''} /> : null}
      <header className="site-header">
        <div className="brand">
          <Link to={paths.home} className="logo">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{viewedName ?? me.data?.company.name ?? m.common.appName}</span>
          </Link>
          {newsOn ? <NewsAnnouncements key={viewed ?? ''} /> : null}
        </div>
        <ViewSwitcher />
        <HeaderSearch />
        <button
          ref={menuButtonRef}
          type="button"
          className="btn btn-quiet menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {m.common.menu}
        </button>
        <div className="user-menu">
          {name ? <span className="user-name">{m.common.signedInAs(name)}</span> : null}
          <Link to={paths.account}>{m.common.account}</Link>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              void signOut().then(() => navigate(paths.signIn, { replace: true }));
            }}
          >
            {m.common.signOut}
          </button>
        </div>
      </header>
      <nav
        id="site-nav"
        className={menuOpen ? 'site-nav open' : 'site-nav'}
        aria-label={m.common.mainNav}
        onKeyDown={(e) => {
          // Escape closes the narrow-screen menu and returns to its button.
          if (e.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButtonRef.current?.focus();
          }
        }}
      >
        <ul>
          {NAV.filter((n) => n.module === null || modules.includes(n.module)).map((n) => (
            <li key={n.to}>
              <NavLink to={n.to} end={n.to === paths.home}>
                {n.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <ViewBanner />
      {notice ? (
        <div className="notice" role="status">
          {m.common.renewal.text(formatDate(notice.support_end), notice.days_left)}
        </div>
      ) : null}
      <main id="main" ref={mainRef} tabIndex={-1}>
        {/* A new portal in view starts every page afresh: nothing of one company's stays under another's. */}
        <Suspense key={viewed ?? ''} fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
