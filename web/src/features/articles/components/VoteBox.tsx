import { useId } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiProblem } from '../../../lib/problem';
import { m } from '../../../messages';
import { useVote, type PortalArticle } from '../api';
import styles from './Articles.module.css';

interface Props {
  article: Pick<PortalArticle, 'id' | 'my_vote'>;
  /** Another company's portal in view: its articles are read, not answered. */
  readOnly?: boolean;
}

/**
 * "Was this helpful? Yes / No", once per article: after the answer a thank-you in place of the buttons; an
 * article answered before says what the answer was. A 409 (answered meanwhile, elsewhere) says so.
 */
export function VoteBox({ article, readOnly = false }: Props) {
  const t = m.articles.vote;
  const headingId = useId();
  const vote = useVote(article.id);
  const answeredBefore = vote.error instanceof ApiProblem && vote.error.status === 409;
  const mine = article.my_vote ?? null;
  if (readOnly && mine === null) return null;

  let content;
  if (vote.isSuccess) {
    content = <p>{t.thanks}</p>;
  } else if (answeredBefore) {
    content = (
      <>
        <p>{t.already}</p>
        {mine !== null ? <p>{t.mine(mine)}</p> : null}
      </>
    );
  } else if (mine !== null) {
    content = <p>{t.mine(mine)}</p>;
  } else {
    content = null;
  }

  return (
    <section className={`card ${styles.vote}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {/* The outcome of a press, heard where the buttons were. */}
      <div role="status">{content}</div>
      {content === null ? (
        <>
          <div className={styles.voteButtons}>
            <Button variant="secondary" busy={vote.isPending} onClick={() => vote.mutate(true)}>
              {t.yes}
            </Button>
            <Button variant="secondary" busy={vote.isPending} onClick={() => vote.mutate(false)}>
              {t.no}
            </Button>
          </div>
          <ErrorAlert error={vote.error} />
        </>
      ) : null}
    </section>
  );
}
