import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { ExplainResponse, RoleAssignmentList } from '../../../server/modules/access/access.schema.ts';
import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { queryString } from '../staff-query.ts';
import { ExplainDecision } from './ExplainDecision.tsx';
import { GrantRoleForm } from './GrantRoleForm.tsx';

type Assignments = z.infer<typeof RoleAssignmentList>;
type Assignment = Assignments['items'][number];

export function RolesPage() {
  const { admin } = useI18n();
  const text = admin.administration.roles;
  const search = useSearch();
  const badge = new URLSearchParams(search).get('matricule') ?? '';
  const valid = /^\d{7}$/.test(badge);

  return (
    <StaffLayout area="administration" title={text.title} lead={text.lead}>
      <BadgeForm key={search} initial={badge} />
      {valid ? <AgentRoles key={badge} badge={badge} /> : null}
      <ExplainDecision />
    </StaffLayout>
  );
}

function BadgeForm({ initial }: { initial: string }) {
  const { admin } = useI18n();
  const text = admin.administration.roles;
  const [badge, setBadge] = useState(initial);
  const [error, setError] = useState<string>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{7}$/.test(badge.trim())) {
      setError(text.badgeInvalid);
      return;
    }
    navigate(paths.adminRoles + queryString({ matricule: badge.trim() }));
  }
  return (
    <Form onSubmit={submit} role="search" aria-label={text.findLabel} validationBehavior="aria" className="search-panel">
      <TextInput
        label={text.badge}
        description={text.badgeHint}
        value={badge}
        onChange={(value) => {
          setBadge(value);
          setError(undefined);
        }}
        error={error}
        inputProps={{ spellCheck: false }}
        className="field--medium"
      />
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.find}
        </Button>
      </div>
    </Form>
  );
}

function AgentRoles({ badge }: { badge: string }) {
  const { admin, locale } = useI18n();
  const text = admin.administration.roles;
  const { resource, reload } = useApi<Assignments>(`/api/admin/agents/${badge}/roles`);
  // The roles list does not name the agent: the explanation of any action does.
  const who = useApi<z.infer<typeof ExplainResponse>>(`/api/admin/access/explain${queryString({ actor: badge, action: 'directory.search' })}`);
  const departments = useApi<DepartmentListResponse>('/api/departments');
  const [revoking, setRevoking] = useState<Assignment>();
  const [message, setMessage] = useState<string>();
  const name = who.resource.status === 'ready' ? who.resource.data.actor : badge;

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  const roleName = (role: string) => text.roleNames[role as keyof typeof text.roleNames] ?? role;

  return (
    <section aria-labelledby="agent-roles-title" className="staff-section">
      <h2 id="agent-roles-title">{text.rolesOf(name)}</h2>
      {message ? (
        <Alert tone="success" announce>
          <p>{message}</p>
        </Alert>
      ) : null}
      {resource.data.items.length === 0 ? (
        <p>{text.noRole}</p>
      ) : (
        <ResponsiveTable<Assignment>
          caption={text.rolesOf(name)}
          rows={resource.data.items}
          rowKey={(assignment) => assignment.id}
          title={{ key: 'role', header: text.columns.role, cell: (assignment) => roleName(assignment.role) }}
          columns={[
            { key: 'perimeter', header: text.columns.perimeter, cell: (assignment) => <span lang="fr">{assignment.perimeter}</span> },
            { key: 'since', header: text.columns.since, cell: (assignment) => formatDate(assignment.grantedAt, locale), nowrap: true },
          ]}
          actions={{
            header: text.columns.actions,
            cell: (assignment) => (
              <Button
                className="button button--secondary button--small"
                onPress={() => setRevoking(assignment)}
                aria-label={text.revokeNamed(roleName(assignment.role), assignment.perimeter)}
              >
                {text.revoke}
              </Button>
            ),
          }}
        />
      )}
      <GrantRoleForm
        badge={badge}
        departments={departments.resource.status === 'ready' ? departments.resource.data.items : []}
        onGranted={async (role) => {
          await reload();
          setMessage(text.granted(roleName(role)));
        }}
      />
      {revoking ? (
        <FormDialog
          title={text.revokeTitle(roleName(revoking.role), name)}
          confirmLabel={text.revokeConfirm}
          tone="danger"
          reason={{ minLength: 5 }}
          onClose={() => setRevoking(undefined)}
          onSubmit={async (reason) => {
            await api.delete(`/api/admin/agents/${badge}/roles/${encodeURIComponent(revoking.id)}`, { body: { reason } });
            setRevoking(undefined);
            await reload();
            setMessage(text.revoked(roleName(revoking.role)));
          }}
        >
          <p>{text.revokeText(revoking.perimeter)}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}
