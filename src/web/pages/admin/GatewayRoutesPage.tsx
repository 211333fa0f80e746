import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApplicationChoices } from '../../../server/modules/applications/applications.schema.ts';
import type { GatewayRoute, GatewayRouteList, SigningSecretResponse } from '../../../server/modules/gateway/gateway.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/applications.css';
import '../../theme/gateway.css';
import { StaffLayout } from '../StaffLayout.tsx';
import { GatewayRouteForm } from './gateway/GatewayRouteForm.tsx';
import { useGatewayText } from './gateway/gateway-text.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; route: GatewayRoute };
type Confirming = { action: 'disable' | 'renew'; route: GatewayRoute };
type Outcome = { message: string; secret?: string };

// The internal apps published through the gateway: publish one, change its upstream, rule or bounds,
// disable it, give it a new signing secret.
export function GatewayRoutesPage() {
  const { locale } = useI18n();
  const text = useGatewayText().admin;
  const { resource, reload } = useApi<GatewayRouteList>('/api/admin/gateway-routes');
  const choices = useApi<ApplicationChoices>('/api/admin/applications/choices');
  const [editing, setEditing] = useState<Editing>();
  const [confirming, setConfirming] = useState<Confirming>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const recordsLang = locale === 'fr' ? undefined : 'fr';

  // Opening the form moves the reader to it; without this they would stay on the button that opened it.
  useEffect(() => {
    if (editing) document.getElementById('gateway-form-title')?.focus();
  }, [editing]);

  async function done(next: Outcome) {
    await reload();
    setEditing(undefined);
    setConfirming(undefined);
    setOutcome(next);
    window.requestAnimationFrame(() => outcomeRef.current?.focus());
  }

  async function setEnabled(route: GatewayRoute, enabled: boolean) {
    await api.put(`/api/admin/gateway-routes/${encodeURIComponent(route.id)}/status`, { enabled });
    await done({ message: enabled ? text.enabledNow(route.name) : text.disabledNow(route.name) });
  }

  const small = 'button button--secondary button--small';

  return (
    <StaffLayout area="administration" title={text.title} lead={text.lead}>
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {outcome ? (
          <Alert tone="success" title={outcome.message}>
            {outcome.secret ? (
              <>
                <p>{text.secretShownOnce}</p>
                <OneTimeSecret label={text.secretTitle} value={outcome.secret} />
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {editing ? (
        choices.resource.status === 'ready' ? (
          <GatewayRouteForm
            key={editing.mode === 'edit' ? editing.route.id : 'new'}
            route={editing.mode === 'edit' ? editing.route : undefined}
            choices={choices.resource.data}
            onCancel={() => setEditing(undefined)}
            onSaved={(saved, mode) =>
              done(mode === 'create' ? { message: text.published(saved.route.name), secret: saved.signingSecret } : { message: text.updated(saved.route.name) })
            }
          />
        ) : choices.resource.status === 'failed' ? (
          <LoadFailure error={choices.resource.error} />
        ) : (
          <StatusMessage status="loading" />
        )
      ) : (
        <p>
          <Button
            className="button button--primary"
            onPress={() => {
              setOutcome(undefined);
              setEditing({ mode: 'create' });
            }}
          >
            {text.add}
          </Button>
        </p>
      )}
      <section aria-labelledby="gateway-routes-title" className="staff-section">
        <h2 id="gateway-routes-title">{text.listTitle}</h2>
        {resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : resource.status === 'loading' ? (
          <StatusMessage status="loading" />
        ) : resource.data.items.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <ResponsiveTable<GatewayRoute>
            caption={text.listTitle}
            rows={resource.data.items}
            rowKey={(route) => route.id}
            title={{
              key: 'name',
              header: text.columns.name,
              cell: (route) => (
                <>
                  <span lang={recordsLang}>{route.name}</span>
                  <span className="data-table__detail">
                    <code className="gateway-address">{route.publicPath}</code>
                  </span>
                </>
              ),
            }}
            columns={[
              { key: 'upstream', header: text.columns.upstream, cell: (route) => <code className="gateway-address">{route.upstreamUrl}</code> },
              {
                key: 'options',
                header: text.columns.options,
                cell: (route) => [route.host ? text.ownHost(route.host) : null, route.websocket ? text.websocket : null].filter(Boolean).join(' · ') || '—',
              },
              {
                key: 'state',
                header: text.columns.state,
                cell: (route) => <span className={`status-tag ${route.enabled ? 'status-tag--active' : 'status-tag--departed'}`}>{route.enabled ? text.enabled : text.disabled}</span>,
              },
            ]}
            actions={{
              header: text.columns.actions,
              cell: (route) => (
                <div className="gateway-actions">
                  <Button
                    className={small}
                    aria-label={text.editNamed(route.name)}
                    onPress={() => {
                      setOutcome(undefined);
                      setEditing({ mode: 'edit', route });
                    }}
                  >
                    {text.edit}
                  </Button>
                  {route.enabled ? (
                    <Button className={small} aria-label={text.disableNamed(route.name)} onPress={() => setConfirming({ action: 'disable', route })}>
                      {text.disable}
                    </Button>
                  ) : (
                    <Button className={small} aria-label={text.enableNamed(route.name)} onPress={() => void setEnabled(route, true)}>
                      {text.enable}
                    </Button>
                  )}
                  <Button className={small} aria-label={text.renewSecretNamed(route.name)} onPress={() => setConfirming({ action: 'renew', route })}>
                    {text.renewSecret}
                  </Button>
                </div>
              ),
            }}
          />
        )}
      </section>
      {confirming ? (
        <FormDialog
          title={confirming.action === 'disable' ? text.disableTitle(confirming.route.name) : text.renewTitle(confirming.route.name)}
          confirmLabel={confirming.action === 'disable' ? text.disableConfirm : text.renewConfirm}
          tone="danger"
          reason={false}
          onClose={() => setConfirming(undefined)}
          onSubmit={async () => {
            const { route } = confirming;
            if (confirming.action === 'disable') return setEnabled(route, false);
            const renewed = await api.post<SigningSecretResponse>(`/api/admin/gateway-routes/${encodeURIComponent(route.id)}/signing-secret`);
            await done({ message: text.renewed(route.name), secret: renewed.signingSecret });
          }}
        >
          <p>{confirming.action === 'disable' ? text.disableText : text.renewText}</p>
        </FormDialog>
      ) : null}
    </StaffLayout>
  );
}
