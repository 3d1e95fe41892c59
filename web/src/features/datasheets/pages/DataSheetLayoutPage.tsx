import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useSheet, useSheetChangesElsewhere } from '../api';
import { SheetEditor } from '../components/SheetEditor';
import { StatusBadge } from '../components/StatusBadge';
import styles from './DataSheetLayoutPage.module.css';

/**
 * A data sheet in its template's HTML layout, in a window of its own (no portal navigation): the
 * fields sit in the layout, and the sheet is saved and submitted from here as on its normal page.
 */
export default function DataSheetLayoutPage() {
  const id = useParams().id ?? '';
  const query = useSheet(id);
  useSheetChangesElsewhere(id);

  let content;
  let title = m.datasheets.title;
  if (query.isPending) content = <Loading />;
  else if (query.isError) content = <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const view = query.data;
    title = view.sheet.template_name;
    content = (
      <>
        <p className={styles.meta}>
          <StatusBadge status={view.sheet.status} /> <Link to={paths.datasheet(id)}>{m.datasheets.layout.standardView}</Link>
        </p>
        <SheetEditor key={view.sheet.id} view={view} mode="layout" onReload={async () => (await query.refetch()).data} />
      </>
    );
  }
  return (
    <main id="main" className={styles.main}>
      <Page title={title}>{content}</Page>
    </main>
  );
}
