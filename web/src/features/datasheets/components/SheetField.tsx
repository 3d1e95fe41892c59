import { useId, type ReactNode } from 'react';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { FieldDef } from '../api';
import type { FormValue } from '../values';
import styles from './SheetField.module.css';

interface Props {
  field: FieldDef;
  value: FormValue | undefined;
  onChange: (key: string, value: FormValue) => void;
  /** The API's message for this field. */
  error?: string | undefined;
  /**
   * `block`: a labelled field of the generated form. `inline`: a control placed in a layout's text,
   * whose label is for assistive technology only (the layout shows its own) and which uses phrasing
   * elements only, so it may stand inside a paragraph or a table cell.
   */
  variant?: 'block' | 'inline';
  disabled?: boolean;
}

const t = m.datasheets.field;

/** The field's own rules, said in words (length, range, whole number). */
export function constraintHint(field: FieldDef): string {
  switch (field.type) {
    case 'text':
    case 'multi_line_text':
      return field.max_length ? t.maxLength(formatNumber(field.max_length)) : '';
    case 'number':
      return t.number(
        field.min != null ? formatNumber(field.min, 6) : null,
        field.max != null ? formatNumber(field.max, 6) : null,
        field.integer ?? false,
      );
    default:
      return '';
  }
}

/** One field of a data sheet as an accessible control: label, hint (help and rules), error. */
export function SheetField({ field, value, onChange, error, variant = 'block', disabled = false }: Props) {
  const id = useId();
  const inline = variant === 'inline';
  const required = field.required ?? false;
  const help = field.help?.trim() ?? '';
  // Staff help text, then the rules; a sentence each.
  const hint = [help && !/[.!?:]$/.test(help) ? `${help}.` : help, constraintHint(field)].filter(Boolean).join(' ');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const Wrap = inline ? 'span' : 'div';
  const Text = inline ? 'span' : 'p';
  const text = typeof value === 'string' ? value : '';
  const set = (v: FormValue) => onChange(field.key, v);

  const extras = (
    <>
      {hint ? (
        <Text className={inline ? 'visually-hidden' : 'field-hint'} id={hintId}>
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text className={inline ? `field-error ${styles.inlineError}` : 'field-error'} id={errorId}>
          {error}
        </Text>
      ) : null}
    </>
  );
  const star = required ? <span aria-hidden="true">{inline ? '*' : ' *'}</span> : null;

  if (field.type === 'yes_no' || field.type === 'single_choice' || field.type === 'multiple_choice') {
    const multiple = field.type === 'multiple_choice';
    const options: { value: string; label: string }[] =
      field.type === 'yes_no'
        ? [
            { value: 'yes', label: m.common.yes },
            { value: 'no', label: m.common.no },
          ]
        : field.options.map((o) => ({ value: o, label: o }));
    // A chosen radio cannot be unchosen: optional questions offer "Not answered".
    if (!multiple && !required) options.push({ value: '', label: m.datasheets.sheet.notAnswered });
    const chosen = Array.isArray(value) ? value : [];
    const controls = options.map((o) => (
      <label key={o.value} className={styles.option}>
        <input
          type={multiple ? 'checkbox' : 'radio'}
          name={id}
          value={o.value}
          checked={multiple ? chosen.includes(o.value) : text === o.value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            if (!multiple) set(o.value);
            else if (e.target.checked) set(options.map((x) => x.value).filter((x) => x === o.value || chosen.includes(x)));
            else set(chosen.filter((x) => x !== o.value));
          }}
        />
        <span>{o.label}</span>
      </label>
    ));
    if (inline) {
      const labelId = `${id}-label`;
      return (
        <span className={styles.inline}>
          <span role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelId} aria-describedby={describedBy} className={styles.inlineGroup}>
            <span id={labelId} className="visually-hidden">
              {field.label}
              {required ? ` ${t.required}` : ''}
            </span>
            {controls}
          </span>
          {star}
          {extras}
        </span>
      );
    }
    return (
      <fieldset className={`field ${styles.group}`} aria-describedby={describedBy}>
        <legend>
          {field.label}
          {star}
          {required ? <span className="visually-hidden"> {t.required}</span> : null}
        </legend>
        <div className={styles.options}>{controls}</div>
        {extras}
      </fieldset>
    );
  }

  const common = {
    id,
    value: text,
    disabled,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  let control: ReactNode;
  switch (field.type) {
    case 'multi_line_text':
      control = (
        <textarea
          {...common}
          rows={inline ? 2 : 4}
          maxLength={field.max_length ?? undefined}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          step={field.integer ? 1 : 'any'}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    case 'date':
      control = <input {...common} type="date" onChange={(e) => set(e.target.value)} />;
      break;
    default:
      control = <input {...common} type="text" maxLength={field.max_length ?? undefined} onChange={(e) => set(e.target.value)} />;
  }
  return (
    <Wrap className={inline ? [styles.inline, field.type === 'multi_line_text' ? styles.inlineWide : ''].join(' ') : 'field'}>
      <label htmlFor={id} className={inline ? 'visually-hidden' : undefined}>
        {field.label}
        {inline ? (required ? ` ${t.required}` : '') : star}
      </label>
      {control}
      {inline ? star : null}
      {extras}
    </Wrap>
  );
}
