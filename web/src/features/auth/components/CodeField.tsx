import { TextField } from '../../../components/Field';
import { m } from '../../../messages';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

/** The authenticator's six digits: numeric keyboard on phones, and the one-time-code autofill. */
export function CodeField({ value, onChange, error, autoFocus }: Props) {
  return (
    <TextField
      label={m.auth.code}
      name="code"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={m.auth.codeHint}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      aria-required="true"
      autoFocus={autoFocus}
    />
  );
}
