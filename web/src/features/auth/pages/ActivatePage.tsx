import { useRef, useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { paths } from '../../../lib/paths';
import { fieldErrors } from '../../../lib/problem';
import { getSession } from '../../../lib/session';
import { m } from '../../../messages';
import { useActivate, useActivateTotp, type TotpEnrollment } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { BadLink, isBadToken, signInLink } from '../components/BadLink';
import styles from '../components/AuthLayout.module.css';
import { CodeField } from '../components/CodeField';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { checkNewPassword, codeRefused, normaliseCode } from '../components/passwords';
import { QrCode } from '../components/QrCode';
import { SecretKey } from '../components/SecretKey';
import { useTokenFromAddress } from '../components/useTokenFromAddress';

/** Activation from the invitation email: choose a password, set up the authenticator, confirm a code. */
export default function ActivatePage() {
  const token = useTokenFromAddress();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checks, setChecks] = useState<{ password?: string; repeat?: string }>({});
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const passwordForm = useRef<HTMLFormElement>(null);
  const codeForm = useRef<HTMLFormElement>(null);
  const activate = useActivate();
  const confirm = useActivateTotp();
  const t = m.auth.activate;

  if (confirm.isSuccess && getSession().status === 'signed-in') return <Navigate to={paths.home} replace />;
  if (!token) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.noToken} links={[signInLink(t.toSignIn)]} />
      </AuthLayout>
    );
  }
  if (isBadToken(activate.error) || isBadToken(confirm.error)) {
    return (
      <AuthLayout title={t.title}>
        <BadLink text={t.badLink} links={[signInLink(t.toSignIn)]} />
      </AuthLayout>
    );
  }

  const server = fieldErrors(activate.error);
  const passwordErrors = {
    password: checks.password ?? (server.password ? m.auth.fieldError(m.auth.newPassword, server.password) : undefined),
    repeat: checks.repeat,
  };

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewPassword(password, repeat);
    setChecks(found);
    if (found.password || found.repeat) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    activate.mutate(
      { token, password },
      {
        onSuccess: (enrolled) => {
          setEnrollment(enrolled);
          setPassword('');
          setRepeat('');
        },
      },
    );
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    const digits = normaliseCode(code);
    setCodeError(digits ? undefined : m.auth.codeFormat);
    if (!digits) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    confirm.mutate({ token, code: digits }, { onError: (error) => { if (codeRefused(error)) setCode(''); } });
  };

  const confirmServer = fieldErrors(confirm.error).code;

  return (
    <AuthLayout title={t.title}>
      {enrollment === null ? (
        <form ref={passwordForm} onSubmit={submitPassword} noValidate>
          <p className={styles.steps}>{t.intro}</p>
          <ErrorAlert error={activate.error} onRetry={() => passwordForm.current?.requestSubmit()} />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            errors={passwordErrors}
          />
          <div className="form-actions">
            <Button type="submit" busy={activate.isPending}>
              {t.continue}
            </Button>
          </div>
        </form>
      ) : (
        <form ref={codeForm} onSubmit={submitCode} noValidate>
          <dl className="facts">
            <dt>{t.yourUsername}</dt>
            <dd>
              <strong data-testid="activation-username">{enrollment.username}</strong>
            </dd>
          </dl>
          <p className="muted">{t.usernameNote}</p>
          <h2>{t.setUpTitle}</h2>
          <p>{t.setUpIntro}</p>
          <QrCode value={enrollment.otpauth_uri} label={t.qrLabel} />
          <p>{t.manualIntro}</p>
          <SecretKey secret={enrollment.secret} />
          <p>{t.confirmIntro}</p>
          <ErrorAlert error={confirm.error} onRetry={() => codeForm.current?.requestSubmit()} />
          <CodeField
            value={code}
            onChange={setCode}
            error={codeError ?? (confirmServer ? m.auth.fieldError(m.auth.code, confirmServer) : undefined)}
          />
          <div className="form-actions">
            <Button type="submit" busy={confirm.isPending}>
              {t.submit}
            </Button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}
