import { TextAreaField, TextField } from '../../../components/Field';

/** What every ticket form asks for in words. */
export interface TicketText {
  subject: string;
  description: string;
}

export type TicketTextField = keyof TicketText;

/** The fields left empty, each with its message; empty when both are filled in. */
export function missingText(
  value: TicketText,
  required: Record<TicketTextField, string>,
): Partial<Record<TicketTextField, string>> {
  const empty: Partial<Record<TicketTextField, string>> = {};
  if (!value.subject.trim()) empty.subject = required.subject;
  if (!value.description.trim()) empty.description = required.description;
  return empty;
}

interface Props {
  value: TicketText;
  labels: Record<TicketTextField, string>;
  errors: Partial<Record<string, string>>;
  /** Shown under the description. */
  descriptionHint?: string;
  onChange: (field: TicketTextField, value: string) => void;
}

/** The subject and description fields of raising a ticket and of changing it. */
export function TicketTextFields({ value, labels, errors, descriptionHint, onChange }: Props) {
  return (
    <>
      <TextField
        label={labels.subject}
        name="subject"
        required
        maxLength={200}
        value={value.subject}
        error={errors.subject}
        onChange={(e) => onChange('subject', e.target.value)}
      />
      <TextAreaField
        label={labels.description}
        name="description"
        required
        rows={8}
        hint={descriptionHint}
        value={value.description}
        error={errors.description}
        onChange={(e) => onChange('description', e.target.value)}
      />
    </>
  );
}
