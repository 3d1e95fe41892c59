import { Link } from 'react-router';
import { Page } from '../components/Page';
import { paths } from '../lib/paths';
import { m } from '../messages';

export function NotFoundPage() {
  return (
    <Page title={m.common.notFound.title}>
      <p>{m.common.notFound.body}</p>
      <p>
        <Link to={paths.home}>{m.common.notFound.home}</Link>
      </p>
    </Page>
  );
}
