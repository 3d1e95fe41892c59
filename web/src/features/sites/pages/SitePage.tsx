import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { ApiProblem } from '../../../lib/problem';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { SiteInvoices, SiteQuotes } from '../../billing/parts';
import { PostalAddress, useMe } from '../../customers';
import { SiteJobs } from '../../field/parts';
import { openLink } from '../../documents';
import {
  useDocumentLink,
  useSite,
  useSiteAssets,
  useSiteDefects,
  useSiteDocuments,
  type AssetView,
  type DefectStatus,
  type SiteView,
} from '../api';
import { AssetEditForm } from '../components/AssetEditForm';
import { AssetTable } from '../components/AssetTable';
import { DefectTable } from '../components/DefectTable';
import { SeverityBadge } from '../components/SeverityBadge';
import { SiteFiles } from '../components/SiteFiles';
import { SeverityTally } from '../components/SeverityTally';
import { StatusToggle } from '../components/StatusToggle';
import styles from './SitePage.module.css';

const back = (
  <p>
    <Link to={paths.sites}>{m.sites.site.backToList}</Link>
  </p>
);

export default function SitePage() {
  const { id = '' } = useParams();
  const site = useSite(id);
  const modules = useMe().data?.modules ?? [];
  useSectionFromAddress(Boolean(site.data));

  if (site.isError && site.error instanceof ApiProblem && site.error.status === 404) {
    return (
      <Page title={m.sites.site.notFoundTitle}>
        <p>{m.sites.site.notFoundBody}</p>
        {back}
      </Page>
    );
  }
  if (!site.data) {
    return (
      <Page title={m.sites.site.loadingTitle}>
        {site.isError ? <ErrorAlert error={site.error} onRetry={() => void site.refetch()} /> : <Loading />}
        {back}
      </Page>
    );
  }
  return (
    <Page title={site.data.name}>
      <SiteDetails site={site.data} quotesOn={modules.includes('quotes')} invoicesOn={modules.includes('invoices')} />
      <Assets siteId={site.data.id} />
      <Defects siteId={site.data.id} />
      {modules.includes('jobs') ? <SiteJobs siteId={site.data.id} className={styles.section} /> : null}
      {modules.includes('quotes') ? <SiteQuotes siteId={site.data.id} className={styles.section} /> : null}
      {modules.includes('invoices') ? <SiteInvoices siteId={site.data.id} className={styles.section} /> : null}
      <Files siteId={site.data.id} />
      {back}
    </Page>
  );
}

/**
 * An address naming a section (`/sites/…#invoices`, from the properties table's figures): once the page is
 * drawn, that section's heading takes the focus and scrolls into view, so the list behind the figure is
 * where the reader lands.
 */
function useSectionFromAddress(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const heading = document.getElementById(decodeURIComponent(hash.slice(1)))?.querySelector<HTMLElement>('h2');
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}

function SiteDetails({ site, quotesOn, invoicesOn }: { site: SiteView; quotesOn: boolean; invoicesOn: boolean }) {
  const t = m.sites.site;
  const detailsId = useId();
  const attentionId = useId();
  return (
    <div className={styles.top}>
      <section className="card" aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t.details}</h2>
        <dl className="facts">
          <dt>{t.address}</dt>
          <dd>
            <PostalAddress address={site.address} />
          </dd>
          <dt>{t.notes}</dt>
          <dd className={styles.notes}>{site.notes ? site.notes : <span className="muted">{t.noNotes}</span>}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby={attentionId}>
        <h2 id={attentionId}>{t.attention}</h2>
        <p className={styles.attention}>
          <SeverityBadge severity={site.attention.worst_severity} /> <span>{t.needsAttention(site.attention.open_defects)}</span>
        </p>
        <SeverityTally counts={site.attention.by_severity} label={m.sites.panel.openBySeverity} />
        <p className="muted">{t.attentionHint}</p>
        {quotesOn || invoicesOn ? (
          <ul className={styles.billing}>
            {quotesOn ? (
              <li>
                {site.attention.quotes_awaiting > 0 ? (
                  <Link to={{ hash: 'quotes' }}>{m.billing.attention.siteQuotes(site.attention.quotes_awaiting)}</Link>
                ) : (
                  m.billing.attention.siteQuotes(0)
                )}
              </li>
            ) : null}
            {invoicesOn ? (
              <li>
                {site.attention.overdue_invoices > 0 ? (
                  <Link to={{ hash: 'invoices' }}>{m.billing.attention.siteOverdue(site.attention.overdue_invoices)}</Link>
                ) : (
                  m.billing.attention.siteOverdue(0)
                )}
              </li>
            ) : null}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function Assets({ siteId }: { siteId: string }) {
  const t = m.sites.assets;
  const headingId = useId();
  const pages = useCursorPages();
  const assets = useSiteAssets(siteId, pages.cursor);
  const [editing, setEditing] = useState<AssetView | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const close = (result: AssetView | null) => {
    setEditing(null);
    if (result) setSaved(result.identifier);
    // Back where the keyboard was: the asset's Edit button.
    const button = opener.current;
    setTimeout(() => button?.focus(), 0);
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <div role="status">
        {saved ? (
          <div className="alert alert-ok">
            <p>{t.saved(saved)}</p>
          </div>
        ) : null}
      </div>
      <QueryState query={assets}>
        {(data) => (
          <>
            <div aria-busy={assets.isPlaceholderData || undefined}>
              <AssetTable
                assets={data.items}
                page={pages.page}
                editing={editing?.id ?? null}
                onEdit={(asset, button) => {
                  opener.current = button;
                  setSaved(null);
                  setEditing(asset);
                }}
              />
            </div>
            <Pager
              hasPrevious={pages.hasPrevious}
              nextCursor={data.next_cursor}
              onPrevious={() => {
                setEditing(null);
                pages.previous();
              }}
              onNext={(c) => {
                setEditing(null);
                pages.next(c);
              }}
            />
          </>
        )}
      </QueryState>
      {editing ? <AssetEditForm key={editing.id} asset={editing} onClose={close} /> : null}
    </section>
  );
}

function Defects({ siteId }: { siteId: string }) {
  const t = m.sites.defects;
  const headingId = useId();
  const [status, setStatus] = useState<DefectStatus>('open');
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHead}>
        <h2 id={headingId}>{t.title}</h2>
        <StatusToggle value={status} onChange={setStatus} />
      </div>
      {/* Keyed by status: the other list starts at its first page. */}
      <DefectPages key={status} siteId={siteId} status={status} />
    </section>
  );
}

function DefectPages({ siteId, status }: { siteId: string; status: DefectStatus }) {
  const pages = useCursorPages();
  const defects = useSiteDefects(siteId, status, pages.cursor);
  return (
    <QueryState query={defects}>
      {(data) => (
        <>
          <div aria-busy={defects.isPlaceholderData || undefined}>
            <DefectTable defects={data.items} status={status} page={pages.page} />
          </div>
          <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
        </>
      )}
    </QueryState>
  );
}

function Files({ siteId }: { siteId: string }) {
  const headingId = useId();
  const documents = useSiteDocuments(siteId);
  const link = useDocumentLink();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{m.sites.files.title}</h2>
      {link.isError ? <ErrorAlert error={link.error} /> : null}
      <QueryState query={documents}>
        {(data) => (
          <SiteFiles
            documents={data}
            opening={link.isPending ? (link.variables ?? null) : null}
            onOpen={(d) => link.mutate(d.id, { onSuccess: (l) => openLink(l) })}
          />
        )}
      </QueryState>
    </section>
  );
}
