import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { api } from '../../api/api-client.ts';
import { Page } from '../../components/Page.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/forms.css';
import { useHelpdeskText } from './helpdesk-text.ts';

// For an agent who cannot sign in: the answer is the same whether the badge number exists or not.
export function CannotSignInPage() {
  const { t, locale } = useI18n();
  const text = useHelpdeskText().cannotSignIn;
  const [form, setForm] = useState({ badgeNumber: '', phone: '', email: '', message: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const { errors, check, clear, formRef } = useFieldErrors();
  const confirmation = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    error: errors[name],
    onChange: (value: string) => {
      setForm((previous) => ({ ...previous, [name]: value }));
      clear(name);
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const noContact = !form.phone.trim() && !form.email.trim();
    const ok = check({
      badgeNumber: form.badgeNumber.trim() ? undefined : t.common.required,
      phone: noContact ? text.needContact : undefined,
      message: form.message.trim() ? undefined : t.common.required,
    });
    if (!ok) return;
    setPending(true);
    setError(undefined);
    try {
      const body = { badgeNumber: form.badgeNumber.trim(), message: form.message, phone: form.phone.trim() || undefined, email: form.email.trim() || undefined };
      // The answer is the same for every badge (a 202 the client does not read): the page says it in its language.
      await api.post('/api/help/cannot-sign-in', body, { anonymous: true, activity: false });
      setSent(true);
    } catch (caught) {
      if (!check(problemFieldErrors(caught, locale, t))) return;
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
            <p>{text.sent}</p>
            <p>
              <Link href={paths.signIn}>{text.backToSignIn}</Link>
            </p>
          </section>
        ) : (
          <>
            {error ? <ProblemAlert error={error} /> : null}
            <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
              <TextInput label={text.badgeNumber} {...field('badgeNumber')} isRequired inputProps={{ spellCheck: false }} inputMode="numeric" autoComplete="username" />
              <TextInput label={text.phone} description={text.contactHelp} {...field('phone')} type="tel" autoComplete="tel" />
              <TextInput label={text.email} {...field('email')} type="email" autoComplete="email" />
              <TextAreaInput label={text.message} {...field('message')} isRequired rows={4} />
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
      </div>
    </Page>
  );
}
