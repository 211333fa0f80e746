import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { CreatedScimToken, ScimTokenItem, ScimTokenListResponse } from '../../../server/modules/scim/scim-tokens.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { StaffLayout } from '../StaffLayout.tsx';

type TokenList = z.infer<typeof ScimTokenListResponse>;

// Bearer tokens for the HR information system or a directory sync: issued here, shown once, revoked here.
export function ScimTokensPage() {
  const { admin, locale } = useI18n();
  const text = admin.administration.scim;
  const { resource, reload } = useApi<TokenList>('/api/admin/scim-tokens');
  const [created, setCreated] = useState<CreatedScimToken>();
  const [revoking, setRevoking] = useState<ScimTokenItem>();
  const [message, setMessage] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const endpoint = `${window.location.origin}/scim/v2`;

  return (
    <StaffLayout area="administration" title={text.title} lead={text.lead}>
      <p>
        {text.endpoint} <code>{endpoint}</code>
      </p>
      <CreateTokenForm
        onCreated={async (token) => {
          setCreated(token);
          setMessage(undefined);
          await reload();
          window.requestAnimationFrame(() => outcomeRef.current?.focus());
        }}
      />
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {created ? (
          <Alert tone="success" title={text.created(created.name)}>
            <p>{text.shownOnce}</p>
            <OneTimeSecret label={text.token} value={created.token} />
            <p className="muted">{text.usage}</p>
          </Alert>
        ) : null}
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="tokens-title" className="staff-section">
        <h2 id="tokens-title">{text.listTitle}</h2>
        {resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : resource.status === 'loading' ? (
          <StatusMessage status="loading" />
        ) : resource.data.items.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <ResponsiveTable<ScimTokenItem>
            caption={text.listTitle}
            rows={resource.data.items}
            rowKey={(token) => token.id}
            title={{ key: 'name', header: text.columns.name, cell: (token) => token.name }}
            columns={[
              {
                key: 'created',
                header: text.columns.created,
                cell: (token) => (
                  <>
                    {formatDateTime(token.createdAt, locale)}
                    <span className="data-table__detail">{token.createdBy ?? text.commandLine}</span>
                  </>
                ),
              },
              { key: 'used', header: text.columns.lastUsed, cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : text.never) },
              {
                key: 'state',
                header: text.columns.state,
                cell: (token) =>
                  token.revokedAt ? (
                    <span className="status-tag status-tag--departed">{text.revokedOn(formatDateTime(token.revokedAt, locale))}</span>
                  ) : (
                    <span className="status-tag status-tag--active">{text.active}</span>
                  ),
              },
            ]}
            actions={{
              header: text.columns.actions,
              cell: (token) =>
                token.revokedAt ? null : (
                  <Button className="button button--secondary button--small" onPress={() => setRevoking(token)} aria-label={text.revokeNamed(token.name)}>
                    {text.revoke}
                  </Button>
                ),
            }}
          />
        )}
      </section>
      {revoking ? (
        <FormDialog
          title={text.revokeTitle(revoking.name)}
          confirmLabel={text.revokeConfirm}
          tone="danger"
          reason={false}
          onClose={() => setRevoking(undefined)}
          onSubmit={async () => {
            await api.delete(`/api/admin/scim-tokens/${encodeURIComponent(revoking.id)}`);
            setRevoking(undefined);
            setCreated(undefined);
            await reload();
            setMessage(text.revoked(revoking.name));
            window.requestAnimationFrame(() => outcomeRef.current?.focus());
          }}
        >
          <p>{text.revokeText}</p>
        </FormDialog>
      ) : null}
    </StaffLayout>
  );
}

function CreateTokenForm({ onCreated }: { onCreated(token: CreatedScimToken): Promise<void> }) {
  const { admin } = useI18n();
  const text = admin.administration.scim;
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(text.nameRequired);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const token = await api.post<CreatedScimToken>('/api/admin/scim-tokens', { name: name.trim() });
      setName('');
      await onCreated(token);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Form onSubmit={submit} validationBehavior="aria" className="form-card" aria-labelledby="create-token-title">
      <h2 id="create-token-title" className="form-card__title">
        {text.createTitle}
      </h2>
      <TextInput
        label={text.name}
        description={text.nameHint}
        value={name}
        onChange={(value) => {
          setName(value);
          setNameError(undefined);
        }}
        error={nameError}
        isRequired
        maxLength={100}
      />
      {error ? <ProblemAlert error={error} /> : null}
      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {text.create}
        </PendingButton>
      </div>
    </Form>
  );
}
