import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { SsoClientItem, SsoClientListResponse, SsoClientSecretResponse } from '../../../server/modules/sso/sso-clients.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { ClientSecretAlert } from './sso/ClientSecretAlert.tsx';
import { SsoClientForm } from './sso/SsoClientForm.tsx';
import { useSsoText } from './sso/use-sso-text.ts';

type Outcome = { secret: SsoClientSecretResponse; rotated: boolean } | { removed: string };
type Confirming = { action: 'rotate' | 'remove'; client: SsoClientItem };

// The OpenID Connect provider's clients: register one of the registry's applications, give it a new
// secret (shown once), remove it. Who may sign in is the application's rule, shown here for reference.
export function SsoClientsPage() {
  const text = useSsoText();
  const { locale } = useI18n();
  const { resource, reload } = useApi<SsoClientListResponse>('/api/admin/sso/clients');
  const [outcome, setOutcome] = useState<Outcome>();
  const [confirming, setConfirming] = useState<Confirming>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const recordsLang = locale === 'fr' ? undefined : 'fr';

  async function announce(next: Outcome) {
    setOutcome(next);
    await reload();
    window.requestAnimationFrame(() => outcomeRef.current?.focus());
  }

  const access = (level: string) => text.list.access[level] ?? level;

  return (
    <StaffLayout area="administration" title={text.title} lead={text.lead}>
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {outcome && 'secret' in outcome ? <ClientSecretAlert outcome={outcome.secret} rotated={outcome.rotated} /> : null}
        {outcome && 'removed' in outcome ? (
          <Alert tone="success">
            <p>{text.removed(outcome.removed)}</p>
          </Alert>
        ) : null}
      </div>
      {resource.status === 'failed' ? (
        <LoadFailure error={resource.error} />
      ) : resource.status === 'loading' ? (
        <StatusMessage status="loading" />
      ) : (
        <>
          <section aria-labelledby="sso-configuration-title" className="staff-section">
            <h2 id="sso-configuration-title">{text.configuration.title}</h2>
            <Facts>
              <Fact label={text.configuration.issuer} wide>
                <code>{resource.data.issuer}</code>
              </Fact>
              <Fact label={text.configuration.discovery} wide>
                <code>{resource.data.discoveryUrl}</code>
              </Fact>
              <Fact label={text.configuration.scopes} wide>
                <code>{text.configuration.scopesValue}</code>
              </Fact>
            </Facts>
          </section>
          <SsoClientForm applications={resource.data.unregisteredApplications} onCreated={(secret) => announce({ secret, rotated: false })} />
          <section aria-labelledby="sso-clients-title" className="staff-section">
            <h2 id="sso-clients-title">{text.list.title}</h2>
            {resource.data.items.length === 0 ? (
              <p>{text.list.empty}</p>
            ) : (
              <ResponsiveTable<SsoClientItem>
                caption={text.list.title}
                rows={resource.data.items}
                rowKey={(client) => client.clientId}
                title={{
                  key: 'application',
                  header: text.list.columns.application,
                  cell: (client) => (
                    <>
                      <span lang={recordsLang}>{client.applicationName}</span>
                      {client.enabled ? null : <span className="data-table__detail">{text.list.disabled}</span>}
                    </>
                  ),
                }}
                columns={[
                  { key: 'id', header: text.list.columns.clientId, cell: (client) => <code>{client.clientId}</code>, nowrap: true },
                  { key: 'kind', header: text.list.columns.kind, cell: (client) => (client.public ? text.list.kinds.public : text.list.kinds.confidential) },
                  {
                    key: 'redirects',
                    header: text.list.columns.redirects,
                    cell: (client) => (
                      <>
                        {client.redirectUris.map((uri) => (
                          <code key={uri} className="data-table__detail">
                            {uri}
                          </code>
                        ))}
                        {client.backchannelLogoutUri ? <span className="data-table__detail">{text.list.backchannel}</span> : null}
                      </>
                    ),
                  },
                  {
                    key: 'verification',
                    header: text.list.columns.verification,
                    cell: (client) => (
                      <>
                        <span className="data-table__detail">{text.list.inside(access(client.insideAccess))}</span>
                        <span className="data-table__detail">{text.list.outside(access(client.outsideAccess))}</span>
                      </>
                    ),
                  },
                ]}
                actions={{
                  header: text.list.columns.actions,
                  cell: (client) => (
                    <div className="form-actions">
                      {client.public ? null : (
                        <Button className="button button--secondary button--small" aria-label={text.rotateNamed(client.applicationName)} onPress={() => setConfirming({ action: 'rotate', client })}>
                          {text.rotate}
                        </Button>
                      )}
                      <Button className="button button--danger button--small" aria-label={text.removeNamed(client.applicationName)} onPress={() => setConfirming({ action: 'remove', client })}>
                        {text.remove}
                      </Button>
                    </div>
                  ),
                }}
              />
            )}
          </section>
        </>
      )}
      {confirming ? (
        <FormDialog
          title={confirming.action === 'rotate' ? text.rotateTitle(confirming.client.applicationName) : text.removeTitle(confirming.client.applicationName)}
          confirmLabel={confirming.action === 'rotate' ? text.rotateConfirm : text.removeConfirm}
          tone={confirming.action === 'remove' ? 'danger' : 'default'}
          reason={false}
          onClose={() => setConfirming(undefined)}
          onSubmit={async () => {
            const { client, action } = confirming;
            const path = `/api/admin/sso/clients/${encodeURIComponent(client.clientId)}`;
            if (action === 'rotate') {
              const secret = await api.post<SsoClientSecretResponse>(`${path}/secret`);
              setConfirming(undefined);
              await announce({ secret, rotated: true });
            } else {
              await api.delete(path);
              setConfirming(undefined);
              await announce({ removed: client.applicationName });
            }
          }}
        >
          <p>{confirming.action === 'rotate' ? text.rotateText : text.removeText}</p>
        </FormDialog>
      ) : null}
    </StaffLayout>
  );
}
