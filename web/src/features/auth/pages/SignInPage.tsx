import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useLogin, useLoginMfa } from '../api';
import { AuthError } from '../components/AuthError';
import { AuthLayout } from '../components/AuthLayout';
import styles from '../components/AuthLayout.module.css';
import { CodeField } from '../components/CodeField';
import { codeRefused, normaliseCode } from '../components/passwords';
import { safeNext } from '../components/safeNext';
import { useSessionState } from '../components/useSessionState';

interface Challenge {
  username: string;
  session: string;
}

/** Sign in: username and password, then the authenticator code; then back to where the contact was going. */
export default function SignInPage() {
  const session = useSessionState();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const login = useLogin();
  const mfa = useLoginMfa();
  const passwordForm = useRef<HTMLFormElement>(null);
  const codeForm = useRef<HTMLFormElement>(null);

  // Signed in already, or just now: on to the page asked for.
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    const t = m.auth;
    const errs = {
      ...(username.trim() ? {} : { username: t.required(t.username) }),
      ...(password ? {} : { password: t.required(t.password) }),
    };
    setMissing(errs);
    if (errs.username || errs.password) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    mfa.reset();
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (c) => {
          setChallenge({ username: username.trim(), session: c.session });
          setPassword('');
          setCode('');
          setCodeError(undefined);
        },
      },
    );
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return;
    const digits = normaliseCode(code);
    setCodeError(digits ? undefined : m.auth.codeFormat);
    if (!digits) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    mfa.mutate(
      { username: challenge.username, session: challenge.session, code: digits },
      { onError: (error) => { if (codeRefused(error)) setCode(''); } },
    );
  };

  const startAgain = () => {
    setChallenge(null);
    setCode('');
    setCodeError(undefined);
    mfa.reset();
    login.reset();
  };

  return (
    <AuthLayout title={m.auth.signIn.title}>
      {params.get('expired') === '1' && !login.error && !mfa.error ? (
        <div className="alert alert-info" role="status">
          <p>{m.auth.signIn.expired}</p>
        </div>
      ) : null}
      {challenge === null ? (
        <form ref={passwordForm} onSubmit={submitPassword} noValidate>
          <p className={styles.steps}>{m.auth.signIn.intro}</p>
          <AuthError error={login.error} onRetry={() => passwordForm.current?.requestSubmit()} />
          <TextField
            label={m.auth.username}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={missing.username}
            aria-required="true"
          />
          <TextField
            label={m.auth.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={missing.password}
            aria-required="true"
          />
          <div className="form-actions">
            <Button type="submit" busy={login.isPending}>
              {m.auth.signIn.continue}
            </Button>
          </div>
        </form>
      ) : (
        <form ref={codeForm} onSubmit={submitCode} noValidate>
          <p className={styles.steps}>{m.auth.signIn.codeIntro}</p>
          <AuthError error={mfa.error} onRetry={() => codeForm.current?.requestSubmit()} />
          <CodeField value={code} onChange={setCode} error={codeError} autoFocus />
          <div className="form-actions">
            <Button type="submit" busy={mfa.isPending}>
              {m.auth.signIn.submit}
            </Button>
            <Button variant="secondary" onClick={startAgain}>
              {m.auth.signIn.back}
            </Button>
          </div>
        </form>
      )}
      <ul className={styles.links}>
        <li>
          <Link to={paths.forgotPassword}>{m.auth.signIn.forgot}</Link>
        </li>
      </ul>
    </AuthLayout>
  );
}
