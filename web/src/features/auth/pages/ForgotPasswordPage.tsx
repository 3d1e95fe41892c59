import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/Field';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { paths } from '../../../lib/paths';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import { useForgotPassword } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import styles from '../components/AuthLayout.module.css';

/** Asks for a reset link by email. The answer is the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  const [username, setUsername] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const forgot = useForgotPassword();
  const t = m.auth.forgot;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = username.trim();
    setMissing(value ? undefined : m.auth.required(m.auth.username));
    if (value) forgot.mutate({ username: value });
    else focusFirstInvalid(e.currentTarget);
  };
  const server = fieldErrors(forgot.error).username;

  return (
    <AuthLayout title={t.title}>
      {forgot.isSuccess ? (
        <div className="alert alert-ok" role="status">
          <p>{t.sent}</p>
        </div>
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <p className={styles.steps}>{t.intro}</p>
          <ErrorAlert error={forgot.error} onRetry={() => form.current?.requestSubmit()} />
          <TextField
            label={m.auth.username}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={missing ?? (server ? m.auth.fieldError(m.auth.username, server) : undefined)}
            aria-required="true"
          />
          <div className="form-actions">
            <Button type="submit" busy={forgot.isPending}>
              {t.submit}
            </Button>
          </div>
        </form>
      )}
      <ul className={styles.links}>
        <li>
          <Link to={paths.signIn}>{t.back}</Link>
        </li>
      </ul>
    </AuthLayout>
  );
}
