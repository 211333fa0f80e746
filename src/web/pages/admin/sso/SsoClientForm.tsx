import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import type { SsoClientListResponse, SsoClientSecretResponse } from '../../../../server/modules/sso/sso-clients.schema.ts';
import { api } from '../../../api/api-client.ts';
import { NativeSelect } from '../../../components/NativeSelect.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../../components/problem-fields.ts';
import { TextAreaInput } from '../../../components/TextAreaInput.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { useFieldErrors } from '../../../components/use-field-errors.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { paths } from '../../../router/paths.ts';
import { useSsoText } from './use-sso-text.ts';

type Props = {
  applications: SsoClientListResponse['unregisteredApplications'];
  onCreated(created: SsoClientSecretResponse): Promise<void>;
};

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

// The server names a list item's error "redirectUris.2": it belongs to the field holding the whole list.
function byField(errors: Record<string, string>): Record<string, string> {
  const grouped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = field.split('.')[0] ?? field;
    grouped[name] = grouped[name] ? `${grouped[name]} ${message}` : message;
  }
  return grouped;
}

// Registers an OpenID Connect application of the registry as a client of the provider.
export function SsoClientForm({ applications, onCreated }: Props) {
  const { t, locale } = useI18n();
  const text = useSsoText().create;
  const [applicationId, setApplicationId] = useState('');
  const [kind, setKind] = useState<'confidential' | 'public'>('confidential');
  const [redirectUris, setRedirectUris] = useState('');
  const [postLogoutRedirectUris, setPostLogoutRedirectUris] = useState('');
  const [backchannelLogoutUri, setBackchannelLogoutUri] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();

  if (applications.length === 0) {
    return (
      <section aria-labelledby="sso-client-form-title" className="staff-section">
        <h2 id="sso-client-form-title">{text.title}</h2>
        <p>
          {text.noApplication} <Link href={paths.adminApplications}>{text.applicationsPage}</Link>.
        </p>
      </section>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = check({
      applicationId: applicationId ? undefined : text.required,
      redirectUris: lines(redirectUris).length > 0 ? undefined : text.redirectRequired,
    });
    if (!valid) return;
    setPending(true);
    setError(undefined);
    try {
      const created = await api.post<SsoClientSecretResponse>('/api/admin/sso/clients', {
        applicationId,
        public: kind === 'public',
        redirectUris: lines(redirectUris),
        postLogoutRedirectUris: lines(postLogoutRedirectUris),
        backchannelLogoutUri: backchannelLogoutUri.trim() || null,
      });
      setApplicationId('');
      setRedirectUris('');
      setPostLogoutRedirectUris('');
      setBackchannelLogoutUri('');
      await onCreated(created);
    } catch (caught) {
      setError(caught);
      check(byField(problemFieldErrors(caught, locale, t)));
    } finally {
      setPending(false);
    }
  }

  const edited = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    clear(field);
  };

  return (
    <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card" aria-labelledby="sso-client-form-title">
      <h2 id="sso-client-form-title" className="form-card__title">
        {text.title}
      </h2>
      <NativeSelect
        label={text.application}
        description={text.applicationHint}
        value={applicationId}
        emptyLabel={text.chooseApplication}
        options={applications.map((application) => ({ value: application.id, label: application.name }))}
        onChange={edited('applicationId', setApplicationId)}
        error={errors.applicationId}
        isRequired
      />
      <NativeSelect
        label={text.kind}
        value={kind}
        options={[
          { value: 'confidential', label: text.kinds.confidential },
          { value: 'public', label: text.kinds.public },
        ]}
        onChange={(value) => setKind(value === 'public' ? 'public' : 'confidential')}
        isRequired
      />
      <TextAreaInput
        label={text.redirectUris}
        description={text.redirectUrisHint}
        value={redirectUris}
        onChange={edited('redirectUris', setRedirectUris)}
        error={errors.redirectUris}
        isRequired
        rows={3}
        maxLength={20_000}
      />
      <TextAreaInput
        label={text.postLogoutRedirectUris}
        description={text.postLogoutRedirectUrisHint}
        value={postLogoutRedirectUris}
        onChange={edited('postLogoutRedirectUris', setPostLogoutRedirectUris)}
        error={errors.postLogoutRedirectUris}
        rows={2}
        maxLength={20_000}
      />
      <TextInput
        label={text.backchannelLogoutUri}
        description={text.backchannelLogoutUriHint}
        value={backchannelLogoutUri}
        onChange={edited('backchannelLogoutUri', setBackchannelLogoutUri)}
        error={errors.backchannelLogoutUri}
        type="url"
        maxLength={2000}
      />
      {error ? <ProblemAlert error={error} /> : null}
      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {text.submit}
        </PendingButton>
      </div>
    </Form>
  );
}
