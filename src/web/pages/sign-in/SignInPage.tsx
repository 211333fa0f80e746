import { type FormEvent, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading, Link } from 'react-aria-components';
import type { SignInStepResponse } from '../../../server/modules/identity/sign-in.schema.ts';
import { usePortal } from '../../api/PortalProvider.tsx';
import { api } from '../../api/api-client.ts';
import { NoticeAlert } from '../../components/NoticeAlert.tsx';
import { Page } from '../../components/Page.tsx';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { rememberMethods } from '../../session/sign-in-steps.ts';
import '../../theme/forms.css';
import { Announcements } from '../../components/Announcements.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const portal = usePortal();
  const { refresh } = useSession();
  const text = t.signIn;
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const { errors, check, clear, formRef } = useFieldErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ identifier: identifier.trim() ? undefined : t.common.required, password: password ? undefined : t.common.required })) return;
    setPending(true);
    setError(undefined);
    try {
      const step = await api.post<SignInStepResponse>('/api/auth/login', { identifier, password }, { anonymous: true });
      rememberMethods(step.methods);
      // The session now exists: this page is no longer for the agent, and the guard takes them to the next step.
      await refresh();
    } catch (caught) {
      setPassword('');
      setError(caught);
      setPending(false);
    }
  }

  return (
    <Page title={text.title} lead={text.lead}>
      <Announcements />
      <div className="auth-layout">
        <NoticeAlert />
        {error ? <ProblemAlert error={error} title={text.failedTitle} /> : null}
        <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
          <TextInput
            label={text.identifier}
            description={text.identifierHelp(portal.emailDomain)}
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
          <PasswordInput
            label={text.password}
            description={text.passwordHelp}
            name="password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              clear('password');
            }}
            error={errors.password}
            autoComplete="current-password"
            isRequired
          />
          <p className="form-card__aside">
            <Link href={paths.forgottenPassword}>{text.forgotten}</Link>
          </p>
          <div className="form-actions">
            <PendingButton type="submit" className="button button--primary" pending={pending}>
              {pending ? text.submitting : text.submit}
            </PendingButton>
          </div>
        </Form>

        <p className="form-card__aside">
          <Link href={paths.cannotSignIn}>{text.cannotSignIn}</Link>
        </p>

        <Disclosure className="disclosure">
          <Heading level={2} className="disclosure__heading">
            <Button slot="trigger" className="disclosure__trigger">
              {text.lostIdentifier.title}
            </Button>
          </Heading>
          <DisclosurePanel className="disclosure__panel">
            <p>{text.lostIdentifier.text}</p>
          </DisclosurePanel>
        </Disclosure>

        <section className="reading">
          <h2>{text.firstTime.title}</h2>
          <p>{text.firstTime.text}</p>
        </section>
      </div>
    </Page>
  );
}
