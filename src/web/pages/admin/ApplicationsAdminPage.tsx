import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { AdminApplication, AdminApplicationList, ApplicationChoices } from '../../../server/modules/applications/applications.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/applications.css';
import { useApplicationsText } from '../applications/applications-text.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { ApplicationForm } from './applications/ApplicationForm.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; app: AdminApplication };

// The registry of applications: plain links are added here; every app's catalogue card and access rule
// (SSO and gateway ones included) are edited here.
export function ApplicationsAdminPage() {
  const { locale } = useI18n();
  const text = useApplicationsText().admin;
  const categories = useApplicationsText().categories;
  const { resource, reload } = useApi<AdminApplicationList>('/api/admin/applications');
  const choices = useApi<ApplicationChoices>('/api/admin/applications/choices');
  const [editing, setEditing] = useState<Editing>();
  const [message, setMessage] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const recordsLang = locale === 'fr' ? undefined : 'fr';

  // Opening the form moves the reader to it; without this they would stay on the button that opened it.
  useEffect(() => {
    if (editing) document.getElementById('application-form-title')?.focus();
  }, [editing]);

  // Departments and job profiles are the city's records, in French; roles are words of the page's language.
  function who(app: AdminApplication): ReactNode {
    if (choices.resource.status !== 'ready') return null;
    const { departments, jobProfiles } = choices.resource.data;
    const records = [
      ...app.allowedDepartmentIds.map((id) => departments.find((d) => d.id === id)?.code ?? '?'),
      ...app.allowedJobProfileIds.map((id) => jobProfiles.find((p) => p.id === id)?.name ?? '?'),
    ];
    const roles = app.allowedRoles.map((role) => text.roleNames[role as keyof typeof text.roleNames] ?? role);
    if (records.length === 0 && roles.length === 0) return text.everyone;
    return (
      <>
        {records.length > 0 ? <span lang={recordsLang}>{records.join(', ')}</span> : null}
        {records.length > 0 && roles.length > 0 ? ' — ' : null}
        {roles.join(', ')}
      </>
    );
  }

  return (
    <StaffLayout area="administration" title={text.title} lead={text.lead}>
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      {editing ? (
        choices.resource.status === 'ready' ? (
          <ApplicationForm
            key={editing.mode === 'edit' ? editing.app.slug : 'new'}
            app={editing.mode === 'edit' ? editing.app : undefined}
            choices={choices.resource.data}
            onCancel={() => setEditing(undefined)}
            onSaved={async (saved, mode) => {
              await reload();
              setEditing(undefined);
              setMessage(mode === 'edit' ? text.updated(saved.name) : saved.kind === 'oidc' ? text.createdOidc(saved.name) : text.created(saved.name));
              window.requestAnimationFrame(() => outcomeRef.current?.focus());
            }}
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
              setMessage(undefined);
              setEditing({ mode: 'create' });
            }}
          >
            {text.add}
          </Button>
        </p>
      )}
      <section aria-labelledby="applications-title" className="staff-section">
        <h2 id="applications-title">{text.listTitle}</h2>
        {resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : resource.status === 'loading' ? (
          <StatusMessage status="loading" />
        ) : resource.data.items.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <ResponsiveTable<AdminApplication>
            caption={text.listTitle}
            rows={resource.data.items}
            rowKey={(app) => app.id}
            title={{
              key: 'name',
              header: text.columns.name,
              cell: (app) => (
                <>
                  <span lang={recordsLang}>{app.name}</span>
                  <span className="data-table__detail">{app.slug}</span>
                </>
              ),
            }}
            columns={[
              { key: 'category', header: text.columns.category, cell: (app) => categories[app.category] ?? app.category },
              { key: 'kind', header: text.columns.kind, cell: (app) => text.kinds[app.kind] },
              { key: 'who', header: text.columns.who, cell: who },
              {
                key: 'state',
                header: text.columns.state,
                cell: (app) => <span className={`status-tag ${app.enabled ? 'status-tag--active' : 'status-tag--departed'}`}>{app.enabled ? text.enabled : text.disabled}</span>,
              },
            ]}
            actions={{
              header: text.columns.actions,
              cell: (app) => (
                <Button
                  className="button button--secondary button--small"
                  aria-label={text.editNamed(app.name)}
                  onPress={() => {
                    setMessage(undefined);
                    setEditing({ mode: 'edit', app });
                  }}
                >
                  {text.edit}
                </Button>
              ),
            }}
          />
        )}
      </section>
    </StaffLayout>
  );
}
