import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** The API's message for this field, shown under it and announced. */
  error?: string | undefined;
  hint?: ReactNode;
}

function useDescribed(error: string | undefined, hint: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
  };
}

/** The asterisk beside a required field's label: outside the label, so it is not part of the field's
 * accessible name (the input's `required` already says so). */
function RequiredMark() {
  return (
    <span className="field-required" aria-hidden="true">
      *
    </span>
  );
}

function Extras({ hint, hintId, error, errorId }: { hint: ReactNode; hintId?: string | undefined; error?: string | undefined; errorId?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed(error, hint);
  return (
    <div className="field">
      <span className="field-label">
        <label htmlFor={input.id ?? d.id}>{label}</label>
        {input.required ? <RequiredMark /> : null}
      </span>
      <input id={d.id} {...input} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} />
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function TextAreaField({ label, error, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed(error, hint);
  return (
    <div className="field">
      <span className="field-label">
        <label htmlFor={input.id ?? d.id}>{label}</label>
        {input.required ? <RequiredMark /> : null}
      </span>
      <textarea id={d.id} rows={5} {...input} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} />
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const d = useDescribed(error, hint);
  return (
    <div className="field">
      <span className="field-label">
        <label htmlFor={select.id ?? d.id}>{label}</label>
        {select.required ? <RequiredMark /> : null}
      </span>
      <select id={d.id} {...select} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function CheckboxField({ label, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed(error, hint);
  return (
    <div className="field field-check">
      <input id={d.id} type="checkbox" {...input} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} />
      <label htmlFor={d.id}>{label}</label>
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}
