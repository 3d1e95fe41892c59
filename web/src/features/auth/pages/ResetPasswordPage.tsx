import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { paths } from '../../../lib/paths';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import { useResetPassword } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import styles from '../components/AuthLayout.module.css';
import { BadLink, isBadToken, signInLink } from '../components/BadLink';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { checkNewPassword } from '../components/passwords';
import { useTokenFromAddress } from '../components/useTokenFromAddress';

/** A new password from the reset email's link. The next sign-in still asks for the authenticator code. */
export default function ResetPasswordPage() {
  const token = useTokenFromAddress();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checks, setChecks] = useState<{ password?: string; repeat?: string }>({});
  const form = useRef<HTMLFormElement>(null);
  const reset = useResetPassword();
  const t = m.auth.reset;
  const links = [{ to: paths.forgotPassword, label: t.again }, signInLink(t.toSignIn)];

  if (!token) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.noToken} links={links} />
      </AuthLayout>
    );
  }
  if (isBadToken(reset.error)) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.badLink} links={links} />
      </AuthLayout>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthLayout title={t.title}>
        <div className="alert alert-ok" role="status">
          <p>{t.done}</p>
        </div>
        <p>
          <Link to={paths.signIn}>{t.toSignIn}</Link>
        </p>
      </AuthLayout>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewPassword(password, repeat);
    setChecks(found);
    if (found.password || found.repeat) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    reset.mutate({ token, password });
  };
  const server = fieldErrors(reset.error).password;

  return (
    <AuthLayout title={t.title}>
      <form ref={form} onSubmit={submit} noValidate>
        <p className={styles.steps}>{t.intro}</p>
        <ErrorAlert error={reset.error} onRetry={() => form.current?.requestSubmit()} />
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          errors={{
            password: checks.password ?? (server ? m.auth.fieldError(m.auth.newPassword, server) : undefined),
            repeat: checks.repeat,
          }}
        />
        <div className="form-actions">
          <Button type="submit" busy={reset.isPending}>
            {t.submit}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
