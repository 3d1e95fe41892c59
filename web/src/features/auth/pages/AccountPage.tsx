import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { fieldErrors } from '../../../lib/problem';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useChangePassword } from '../api';
import { CodeField } from '../components/CodeField';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { TicketEmailsSetting } from '../components/TicketEmailsSetting';
import { checkNewPassword, codeRefused, normaliseCode } from '../components/passwords';

type Errors = { current?: string | undefined; password?: string | undefined; repeat?: string | undefined; code?: string | undefined };

function ChangePasswordForm() {
  const t = m.auth.account;
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [checks, setChecks] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);
  const change = useChangePassword();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = normaliseCode(code);
    const found: Errors = {
      ...checkNewPassword(password, repeat),
      current: current ? undefined : m.auth.required(t.currentPassword),
      code: digits ? undefined : m.auth.codeFormat,
    };
    setChecks(found);
    if (found.current || found.password || found.repeat || !digits) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    change.mutate(
      { current_password: current, new_password: password, code: digits },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeat('');
          setCode('');
        },
        onError: (error) => {
          if (codeRefused(error)) setCode('');
        },
      },
    );
  };

  const server = fieldErrors(change.error);
  const at = (label: string, field: string) => (server[field] ? m.auth.fieldError(label, server[field]) : undefined);
  const labels = { current_password: t.currentPassword, new_password: t.newPassword, code: m.auth.code };

  return (
    <section className="card" aria-labelledby="change-password">
      <h2 id="change-password">{t.changeTitle}</h2>
      <p>{t.changeIntro}</p>
      <div role="status">
        {change.isSuccess ? (
          <div className="alert alert-ok">
            <p>{t.changed}</p>
          </div>
        ) : null}
      </div>
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorAlert error={change.error} onRetry={() => form.current?.requestSubmit()} fieldLabels={labels} />
        <TextField
          label={t.currentPassword}
          type="password"
          name="current-password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={checks.current ?? at(t.currentPassword, 'current_password')}
          aria-required="true"
        />
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          passwordLabel={t.newPassword}
          repeatLabel={t.repeatPassword}
          errors={{ password: checks.password ?? at(t.newPassword, 'new_password'), repeat: checks.repeat }}
        />
        <CodeField value={code} onChange={setCode} error={checks.code ?? at(m.auth.code, 'code')} />
        <div className="form-actions">
          <Button type="submit" busy={change.isPending}>
            {t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The contact's own details (read-only), their email notifications and changing the password. */
export default function AccountPage() {
  const me = useMe();
  const t = m.auth.account;
  return (
    <Page title={t.title}>
      <QueryState query={me}>
        {(data) => {
          const c = data.contact;
          const rows: [string, string | null | undefined][] = [
            [t.name, `${c.first_name} ${c.last_name}`],
            [t.jobTitle, c.title],
            [t.username, c.username],
            [t.email, c.email],
            [t.phone, c.phone],
            [t.mobile, c.mobile],
          ];
          return (
            <section className="card" aria-labelledby="account-details">
              <h2 id="account-details">{t.details}</h2>
              <dl className="facts">
                {rows.map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value || m.common.none}</dd>
                  </Fragment>
                ))}
              </dl>
              <p className="muted">{t.detailsNote}</p>
            </section>
          );
        }}
      </QueryState>
      <TicketEmailsSetting />
      <ChangePasswordForm />
    </Page>
  );
}
