import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField } from '../../../components/Field';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';
import { SCORES, type NewRating, type Score } from '../api';
import styles from './TicketDetail.module.css';

interface Props {
  busy: boolean;
  /** The last attempt's failure: field errors go to their fields, the rest (a 409's reason) to the alert. */
  error: unknown;
  onSubmit: (rating: NewRating) => void;
}

/** "Rate this ticket": a score from 1 to 5 as a radio group, and an optional comment. */
export function RatingForm({ busy, error, onSubmit }: Props) {
  const t = m.tickets.detail.rating;
  const id = useId();
  const [score, setScore] = useState<Score | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const server = useFieldErrors(error);
  const scoreError = missing ? t.scoreRequired : server.score;
  const scoreErrorId = `${id}-score-error`;
  const rating = (s: Score): NewRating => ({ score: s, ...(comment.trim() ? { comment: comment.trim() } : {}) });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (score === null) {
      setMissing(true);
      e.currentTarget.querySelector<HTMLElement>('input[name="score"]')?.focus();
      return;
    }
    onSubmit(rating(score));
  };

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="rate-ticket">
      <h2 id="rate-ticket">{t.title}</h2>
      <p>{t.intro}</p>
      <ErrorAlert
        error={error}
        fieldLabels={{ score: t.legend, comment: t.comment }}
        onRetry={score === null ? undefined : () => onSubmit(rating(score))}
      />
      <fieldset className={styles.scores} aria-describedby={scoreError ? scoreErrorId : undefined}>
        <legend>{t.legend}</legend>
        {SCORES.map((s) => (
          <label key={s} className={styles.score}>
            <input
              type="radio"
              name="score"
              value={s}
              checked={score === s}
              aria-invalid={scoreError ? true : undefined}
              onChange={() => {
                setScore(s);
                setMissing(false);
              }}
            />
            <span>{t.scores[s]}</span>
          </label>
        ))}
        {scoreError ? (
          <p className="field-error" id={scoreErrorId}>
            {scoreError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t.comment}
        name="comment"
        rows={4}
        maxLength={2000}
        hint={t.commentHint}
        value={comment}
        error={server.comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.submit}
        </Button>
      </div>
    </form>
  );
}
