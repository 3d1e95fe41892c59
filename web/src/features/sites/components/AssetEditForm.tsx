import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField, TextField } from '../../../components/Field';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { ApiProblem } from '../../../lib/problem';
import { useFieldErrors } from '../../../lib/useFieldErrors';
import { m } from '../../../messages';
import { fetchAsset, siteKeys, useEditAsset, type AssetEdit, type AssetField, type AssetView } from '../api';

/** The fields a contact may be given, in the order the form shows them. */
const FIELDS: AssetField[] = ['identifier', 'location', 'notes'];

type Values = Record<AssetField, string>;

const valuesOf = (a: AssetView): Values => ({ identifier: a.identifier, location: a.location ?? '', notes: a.notes ?? '' });

/** Only the fields staff opened: anything else would be refused (422) and is not the contact's to change. */
export function changesOf(asset: AssetView, values: Values): AssetEdit {
  const out: AssetEdit = {};
  for (const f of FIELDS) {
    if (!asset.contact_editable.includes(f)) continue;
    const v = values[f].trim();
    if (f === 'identifier') out.identifier = v;
    else out[f] = v === '' ? null : v;
  }
  return out;
}

interface Props {
  asset: AssetView;
  /** Cancelled, or saved (with the asset as saved). */
  onClose: (saved: AssetView | null) => void;
}

/** An asset's contact-editable fields (identifier, location, notes: those staff opened) with Save and Cancel. */
export function AssetEditForm({ asset, onClose }: Props) {
  const t = m.sites.edit;
  const qc = useQueryClient();
  const edit = useEditAsset();
  const [base, setBase] = useState(asset);
  const [values, setValues] = useState<Values>(() => valuesOf(asset));
  const [missing, setMissing] = useState(false);
  const [reloading, setReloading] = useState(false);
  const server = useFieldErrors(edit.error);
  const stale = edit.error instanceof ApiProblem && edit.error.status === 409;
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const editable = FIELDS.filter((f) => base.contact_editable.includes(f));
  const labels: Record<AssetField, string> = t.fields;

  // Opened: the keyboard goes straight to the first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  const errorOf = (f: AssetField) => {
    if (f === 'identifier' && missing) return t.required(labels.identifier);
    const message = server[f];
    return message ? t.fieldError(labels[f], message) : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (base.contact_editable.includes('identifier') && !values.identifier.trim()) {
      setMissing(true);
      focusFirstInvalid(e.currentTarget);
      return;
    }
    setMissing(false);
    edit.mutate(
      { asset: base, changes: changesOf(base, values) },
      {
        onSuccess: (saved) => onClose(saved),
        onError: () => focusFirstInvalid(form.current),
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await fetchAsset(base.id);
      setBase(fresh);
      setValues(valuesOf(fresh));
      edit.reset();
      void qc.invalidateQueries({ queryKey: siteKeys.assets(fresh.site_id) });
    } catch {
      // The alert stays; trying again is offered by the same button.
    } finally {
      setReloading(false);
    }
  };

  const input = (f: AssetField) => {
    const common = {
      label: labels[f],
      name: f,
      value: values[f],
      error: errorOf(f),
      onChange: (e: { target: { value: string } }) => {
        setValues((v) => ({ ...v, [f]: e.target.value }));
        if (f === 'identifier') setMissing(false);
      },
    };
    return f === 'notes' ? (
      <TextAreaField key={f} {...common} rows={3} />
    ) : (
      <TextField key={f} {...common} autoComplete="off" required={f === 'identifier'} />
    );
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title(asset.identifier)}</h3>
      <p className="muted">{t.intro}</p>
      <form ref={form} noValidate onSubmit={submit}>
        {stale ? (
          <div className="alert alert-error" role="alert">
            <p>{t.stale}</p>
            <Button variant="secondary" busy={reloading} onClick={() => void reload()}>
              {t.reload}
            </Button>
          </div>
        ) : (
          <ErrorAlert error={edit.error} onRetry={() => form.current?.requestSubmit()} fieldLabels={labels} />
        )}
        {editable.map(input)}
        <div className="form-actions">
          <Button type="submit" busy={edit.isPending}>
            {t.save}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            {t.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
