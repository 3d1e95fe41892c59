import { TextField } from '../../../components/Field';
import { m } from '../../../messages';

interface Props {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  errors: { password?: string | undefined; repeat?: string | undefined };
  passwordLabel?: string;
  repeatLabel?: string;
}

/** A new password typed twice, with the policy as a hint. */
export function NewPasswordFields({ password, repeat, onPassword, onRepeat, errors, passwordLabel = m.auth.newPassword, repeatLabel = m.auth.repeatPassword }: Props) {
  return (
    <>
      <TextField
        label={passwordLabel}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={m.auth.passwordHint}
        error={errors.password}
        aria-required="true"
      />
      <TextField
        label={repeatLabel}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        error={errors.repeat}
        aria-required="true"
      />
    </>
  );
}
