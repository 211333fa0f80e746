import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { problemText } from '../../api/problem-text.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Dictionary } from '../../i18n/fr.ts';
import { PasswordInput } from '../PasswordInput.tsx';
import { PendingButton } from '../PendingButton.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { useFieldErrors } from '../use-field-errors.ts';
import type { WithReauth } from './enrolment-types.ts';

class ReauthCancelled extends Error {
  constructor() {
    super('reauthentication cancelled');
    this.name = 'ReauthCancelled';
  }
}

export function isReauthCancelled(error: unknown): boolean {
  return error instanceof ReauthCancelled;
}

type PendingRequest = { resolve(): void; reject(error: Error): void };

// Sensitive changes (second factors, recovery codes) need the password typed in the last 5 minutes: the
// action is tried, and on 403 reauthentication_required the password is asked, then the action retried.
/** `wording` replaces the dialog's title and text where the action is not about the agent's own account (IT support). */
export function useReauth(wording?: Pick<Dictionary['reauth'], 'title' | 'text'>): { withReauth: WithReauth; reauthDialog: ReactNode } {
  const [request, setRequest] = useState<PendingRequest>();

  const withReauth = useCallback<WithReauth>(async (action) => {
    try {
      return await action();
    } catch (error) {
      if (!isApiError(error, 'reauthentication_required')) throw error;
      await new Promise<void>((resolve, reject) => setRequest({ resolve, reject }));
      return action();
    }
  }, []);

  const reauthDialog = request ? (
    <ReauthDialog
      wording={wording}
      onConfirmed={() => {
        request.resolve();
        setRequest(undefined);
      }}
      onCancel={() => {
        request.reject(new ReauthCancelled());
        setRequest(undefined);
      }}
    />
  ) : null;

  return { withReauth, reauthDialog };
}

function ReauthDialog({ wording, onConfirmed, onCancel }: { wording?: Pick<Dictionary['reauth'], 'title' | 'text'>; onConfirmed(): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const text = { ...t.reauth, ...wording };
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ password: password ? undefined : t.common.required })) return;
    setPending(true);
    setError(undefined);
    try {
      await api.post('/api/auth/reauthenticate', { password });
      onConfirmed();
    } catch (caught) {
      setPending(false);
      setPassword('');
      if (isApiError(caught) && caught.status === 422) {
        check({ password: problemText(caught, locale, t).details[0] ?? t.errors.rules.current_password });
      } else {
        setError(caught);
      }
    }
  }

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onCancel()} className="dialog-overlay">
      <Modal className="dialog">
        <Dialog className="dialog__content">
          <Heading slot="title" level={2} className="dialog__title">
            {text.title}
          </Heading>
          <p>{text.text}</p>
          {error ? <ProblemAlert error={error} /> : null}
          <Form ref={formRef} onSubmit={submit} validationBehavior="aria">
            <PasswordInput
              label={text.password}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(value) => {
                setPassword(value);
                clear('password');
              }}
              error={errors.password}
              isRequired
              autoFocus
            />
            <div className="dialog__actions">
              <PendingButton type="submit" className="button button--primary" pending={pending}>
                {text.confirm}
              </PendingButton>
              <Button className="button button--secondary" onPress={onCancel} isDisabled={pending}>
                {t.common.cancel}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
