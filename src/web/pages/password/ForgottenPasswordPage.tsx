import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { usePortal } from '../../api/PortalProvider.tsx';
import { api } from '../../api/api-client.ts';
import { Page } from '../../components/Page.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/forms.css';

export function ForgottenPasswordPage() {
  const { t } = useI18n();
  const portal = usePortal();
  const text = t.forgottenPassword;
  const [identifier, setIdentifier] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const { errors, check, clear, formRef } = useFieldErrors();
  const confirmation = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ identifier: identifier.trim() ? undefined : t.common.required })) return;
    setPending(true);
    setError(undefined);
    try {
      await api.post('/api/auth/password/forgot', { identifier }, { anonymous: true, activity: false });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Page title={text.title} lead={sent ? undefined : text.lead}>
      <div className="auth-layout">
        {sent ? (
          <section className="form-card" aria-labelledby="sent-title">
            <h2 id="sent-title" ref={confirmation} tabIndex={-1} className="form-card__title">
              {text.sentTitle}
            </h2>
            <p>{text.sentText}</p>
            <p>{text.sentHint}</p>
            <p>
              <Link href={paths.signIn}>{text.backToSignIn}</Link>
            </p>
          </section>
        ) : (
          <>
            {error ? <ProblemAlert error={error} /> : null}
            <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
              <TextInput
                label={t.signIn.identifier}
                description={t.signIn.identifierHelp(portal.emailDomain)}
                name="identifier"
                value={identifier}
                onChange={(value) => {
                  setIdentifier(value);
                  clear('identifier');
                }}
                error={errors.identifier}
                autoComplete="username"
                isRequired
                inputProps={{ autoCapitalize: 'none', spellCheck: false }}
              />
              <div className="form-actions">
                <PendingButton type="submit" className="button button--primary" pending={pending}>
                  {text.submit}
                </PendingButton>
              </div>
              <p className="form-card__aside">
                <Link href={paths.signIn}>{text.backToSignIn}</Link>
              </p>
            </Form>
          </>
        )}
        <section className="reading">
          <h2>{text.noMailbox.title}</h2>
          <p>{text.noMailbox.text}</p>
        </section>
      </div>
    </Page>
  );
}
