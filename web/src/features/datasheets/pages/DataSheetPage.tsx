import { useParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useSheet, useSheetChangesElsewhere } from '../api';
import { SheetEditor } from '../components/SheetEditor';
import { SheetFacts } from '../components/SheetFacts';

const t = m.datasheets.sheet;

/** One data sheet: its details and its generated form (or its values, once submitted and locked). */
export default function DataSheetPage() {
  const id = useParams().id ?? '';
  const query = useSheet(id);
  useSheetChangesElsewhere(id);

  if (query.isPending) {
    return (
      <Page title={m.datasheets.title}>
        <Loading />
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={m.datasheets.title}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const view = query.data;
  const hasLayout = Boolean(view.template.layout_html);
  return (
    <Page
      title={view.sheet.template_name}
      actions={
        hasLayout ? (
          <Button
            variant="secondary"
            aria-describedby="layout-hint"
            // A window of its own; it restores the session from the refresh cookie.
            onClick={() => window.open(paths.datasheetLayout(id), '_blank', 'noopener')}
          >
            {t.openLayout}
          </Button>
        ) : undefined
      }
    >
      {hasLayout ? (
        <p id="layout-hint" className="visually-hidden">
          {t.layoutHint}
        </p>
      ) : null}
      {view.template.description ? <p className="muted">{view.template.description}</p> : null}
      <section className="card" aria-labelledby="sheet-facts">
        <h2 id="sheet-facts">{m.datasheets.facts.heading}</h2>
        <SheetFacts sheet={view.sheet} />
      </section>
      <SheetEditor key={view.sheet.id} view={view} mode="form" onReload={async () => (await query.refetch()).data} />
    </Page>
  );
}
