import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/Field';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';
import { useStartSheet, useTemplates } from '../api';

const t = m.datasheets.start;

/** Choose one of the company's templates and start a draft from it; the new sheet opens. */
export function StartSheet() {
  const templates = useTemplates();
  const start = useStartSheet();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState('');
  const errors = useFieldErrors(start.error);

  return (
    <section className="card" aria-labelledby="start-sheet">
      <h2 id="start-sheet">{t.heading}</h2>
      <QueryState query={templates}>
        {(list) => {
          if (list.length === 0) return <p className="empty">{t.none}</p>;
          const value = chosen || list[0]?.id || '';
          const submit = (e: FormEvent) => {
            e.preventDefault();
            start.mutate(value, { onSuccess: (view) => void navigate(paths.datasheet(view.sheet.id)) });
          };
          const description = list.find((x) => x.id === value)?.description;
          return (
            <>
              <ErrorAlert error={start.error} fieldLabels={{ template_id: t.template }} onRetry={() => start.mutate(value)} />
              <form className="toolbar" onSubmit={submit}>
                <SelectField
                  label={t.template}
                  value={value}
                  onChange={(e) => setChosen(e.target.value)}
                  options={list.map((x) => ({ value: x.id, label: x.name }))}
                  error={errors.template_id}
                  hint={description ?? undefined}
                />
                <Button type="submit" busy={start.isPending}>
                  {t.button}
                </Button>
              </form>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
