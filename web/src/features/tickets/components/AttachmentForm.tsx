import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/Field';
import { UploadProgress } from '../../../components/UploadProgress';
import { focusFirstInvalid } from '../../../lib/focusInvalid';
import { formatBytes } from '../../../lib/format';
import { fieldErrors } from '../../../lib/problem';
import { sendFile, StorageError } from '../../../lib/upload';
import { m } from '../../../messages';
import { announceAttachment, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, completeAttachment, ticketKeys } from '../api';
import styles from './Attachments.module.css';

/** What the file chooser offers; checked again below by type and size, and by the API. */
const ACCEPT = ['.pdf,.txt,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.csv,.zip', ...ATTACHMENT_TYPES].join(',');
const ACCEPTED: ReadonlySet<string> = new Set(ATTACHMENT_TYPES);

type Phase = 'idle' | 'announcing' | 'sending' | 'checking' | 'done';

/** Why a file cannot be attached, before sending anything; `undefined` when it may be. */
export function checkAttachment(file: File): string | undefined {
  const t = m.tickets.detail.attachments;
  if (!ACCEPTED.has(file.type)) return t.badType;
  if (file.size > ATTACHMENT_MAX_BYTES) return t.tooBig(formatBytes(file.size));
  if (file.size === 0) return t.emptyFile;
  return undefined;
}

interface Props {
  ticketId: string;
  /** After the file has been checked by the API and the ticket read again. */
  onAttached?: (name: string) => void;
}

/**
 * Attach a file to an open ticket: checked here by type and size, announced to the API, sent straight
 * to storage with a progress bar, then confirmed; the ticket is read again to list it.
 */
export function AttachmentForm({ ticketId, onAttached }: Props) {
  const t = m.tickets.detail.attachments;
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = phase === 'announcing' || phase === 'sending' || phase === 'checking';
  const fileLabels = { content_type: t.file, size: t.file, name: t.file };

  const fieldError = (() => {
    if (invalid) return invalid;
    const errors = fieldErrors(error);
    return errors.content_type ?? errors.size ?? errors.name;
  })();

  const upload = async () => {
    const refusal = file ? checkAttachment(file) : t.noFile;
    if (!file || refusal) {
      setInvalid(refusal);
      focusFirstInvalid(formRef.current);
      return;
    }
    setInvalid(undefined);
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      setPhase('announcing');
      const announced = await announceAttachment(ticketId, file);
      setPhase('sending');
      await sendFile(announced.upload, file, setProgress);
      setPhase('checking');
      await completeAttachment(ticketId, announced.attachment.id);
      await qc.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      setPhase('done');
      setDone(file.name);
      onAttached?.(file.name);
    } catch (e) {
      setPhase('idle');
      setError(e);
      // Refused because the ticket was closed meanwhile or is full (409): show it as it is now.
      void qc.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void upload();
  };

  const showProgress = phase === 'sending' || phase === 'checking' || phase === 'done';

  return (
    <form ref={formRef} onSubmit={submit} noValidate className={styles.form}>
      {error instanceof StorageError ? (
        <div className="alert alert-error" role="alert">
          <p>{t.failed}</p>
          <Button variant="secondary" onClick={() => void upload()}>
            {m.common.retry}
          </Button>
        </div>
      ) : (
        <ErrorAlert error={error} fieldLabels={fileLabels} onRetry={() => void upload()} />
      )}
      <TextField
        label={t.file}
        type="file"
        accept={ACCEPT}
        hint={t.hint}
        error={fieldError}
        disabled={busy}
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setFile(chosen);
          // Said at once, so nobody waits for an upload that cannot succeed.
          setInvalid(chosen ? checkAttachment(chosen) : undefined);
          setError(null);
          if (phase === 'done') setPhase('idle');
        }}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.button}
        </Button>
      </div>
      {showProgress ? <UploadProgress fraction={progress} label={t.progress} valueText={t.percent} /> : null}
      <div role="status" className={done ? 'alert alert-ok' : styles.quiet}>
        {phase === 'sending' && file ? <p>{t.sending(file.name)}</p> : null}
        {phase === 'checking' ? <p>{t.checking}</p> : null}
        {done ? <p>{t.done(done)}</p> : null}
      </div>
    </form>
  );
}
