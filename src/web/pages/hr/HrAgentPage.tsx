import { useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentDetail, HrReferenceResponse, UpdatedAgentResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { AccountStatusTag } from '../../components/AccountStatusTag.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { useRouteParameter } from '../staff-routes.ts';
import { agentValues, updateBody } from './agent-form-values.ts';
import { AgentForm } from './AgentForm.tsx';
import { HrAgentActions } from './HrAgentActions.tsx';
import { HrAgentNotices } from './HrAgentNotices.tsx';
import { HrCardSection } from './HrCardSection.tsx';
import { HrCertificatesSection } from './HrCertificatesSection.tsx';
import { HrFileSection } from './HrFileSection.tsx';
import { HrPayslipsSection } from './HrPayslipsSection.tsx';

type Agent = z.infer<typeof AgentDetail>;
type Reference = z.infer<typeof HrReferenceResponse>;

export function HrAgentPage() {
  const { admin } = useI18n();
  const text = admin.hr.agent;
  const id = useRouteParameter();
  const { resource, reload } = useApi<Agent>(`/api/hr/agents/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState<string>();
  const [left, setLeft] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);

  // After an action the page says what happened, and that message takes the focus (the button may be gone).
  function announce(next: string) {
    setMessage(next);
    window.requestAnimationFrame(() => messageRef.current?.focus());
  }

  if (left) {
    return (
      <StaffLayout area="hr" title={text.title}>
        <Alert tone="success" announce>
          <p>{left}</p>
        </Alert>
        <BackLink />
      </StaffLayout>
    );
  }
  if (resource.status !== 'ready') {
    return (
      <StaffLayout area="hr" title={text.title}>
        <BackLink />
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </StaffLayout>
    );
  }
  const agent = resource.data;
  return (
    <StaffLayout
      area="hr"
      title={`${agent.firstName} ${agent.lastName}`}
      lead={
        <span className="agent-lead">
          {text.badge(agent.badgeNumber)} <AccountStatusTag status={agent.status} />
        </span>
      }
    >
      <BackLink />
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <HrAgentNotices agent={agent} />
      <p className="visible-because" lang="fr">
        {agent.visibleBecause}
      </p>
      <ProfessionalRecord agent={agent} onSaved={async (saved) => {
        await reload();
        announce(saved);
      }} />
      <AccountState agent={agent} />
      <HrFileSection agent={agent} />
      <HrPayslipsSection agent={agent} />
      <HrCertificatesSection agent={agent} onDone={announce} />
      <HrCardSection agent={agent} onDone={announce} />
      <HrAgentActions
        agent={agent}
        onDone={async (done) => {
          await reload();
          announce(done);
        }}
        onLeft={setLeft}
      />
    </StaffLayout>
  );
}

function BackLink() {
  const { admin } = useI18n();
  return (
    <p className="back-link">
      <Link href={paths.hrAgents}>
        <span aria-hidden="true">← </span>
        {admin.hr.agent.back}
      </Link>
    </p>
  );
}

function ProfessionalRecord({ agent, onSaved }: { agent: Agent; onSaved(message: string): Promise<void> }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.agent;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const departed = agent.status === 'departed';

  return (
    <section aria-labelledby="record-title" className="staff-section">
      <div className="section-heading">
        <h2 id="record-title">{text.recordTitle}</h2>
        {!editing && !departed ? (
          <Button ref={editButton} className="button button--secondary button--small" onPress={() => setEditing(true)}>
            {text.edit}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <EditRecord
          agent={agent}
          onCancel={() => {
            setEditing(false);
            window.requestAnimationFrame(() => editButton.current?.focus());
          }}
          onSaved={async (message) => {
            setEditing(false);
            await onSaved(message);
          }}
        />
      ) : (
        <Facts>
          <Fact label={text.email} wide>
            {agent.email}
          </Fact>
          <Fact label={text.phone}>{agent.professionalPhone ?? text.none}</Fact>
          <Fact label={text.department}>
            <span lang="fr">{agent.department.name}</span> ({agent.department.code})
          </Fact>
          <Fact label={text.service}>{agent.service ? <span lang="fr">{agent.service.name}</span> : text.none}</Fact>
          <Fact label={text.unit}>{agent.unit ? <span lang="fr">{agent.unit.name}</span> : text.none}</Fact>
          <Fact label={text.site}>{agent.site ? <span lang="fr">{agent.site.name}</span> : text.none}</Fact>
          <Fact label={text.jobProfile}>
            <span lang="fr">{agent.jobProfile.name}</span>
          </Fact>
          <Fact label={text.grade}>{agent.grade ? <span lang="fr">{agent.grade.name}</span> : text.none}</Fact>
          <Fact label={text.jobTitle}>
            <span lang="fr">{agent.jobTitle}</span>
          </Fact>
          <Fact label={text.manager}>{agent.manager ? `${agent.manager.firstName} ${agent.manager.lastName} (${agent.manager.badgeNumber})` : text.none}</Fact>
          <Fact label={text.startDate}>{formatDate(agent.startDate, locale)}</Fact>
          {agent.departureDate ? <Fact label={text.departureDate}>{formatDate(agent.departureDate, locale)}</Fact> : null}
        </Facts>
      )}
    </section>
  );
}

function EditRecord({ agent, onCancel, onSaved }: { agent: Agent; onCancel(): void; onSaved(message: string): Promise<void> }) {
  const { admin } = useI18n();
  const text = admin.hr.agent;
  const { resource } = useApi<Reference>('/api/hr/reference');
  const [unchanged, setUnchanged] = useState(false);
  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status !== 'ready') return <StatusMessage status="loading" />;
  const initial = agentValues(agent);
  return (
    <>
      {unchanged ? (
        <Alert tone="info" announce>
          <p>{text.nothingChanged}</p>
        </Alert>
      ) : null}
      <AgentForm
        mode="edit"
        reference={resource.data}
        initial={initial}
        pendingAgent={agent.status === 'pending'}
        submitLabel={text.save}
        onCancel={onCancel}
        onSubmit={async (values, reason) => {
          const body = updateBody(initial, values, reason, agent.status === 'pending');
          if (!body) {
            setUnchanged(true);
            return;
          }
          const updated = await api.patch<z.infer<typeof UpdatedAgentResponse>>(`/api/hr/agents/${encodeURIComponent(agent.id)}`, body);
          await onSaved(text.saved(updated.changedFields.map((field) => admin.common.fieldNames[field] ?? field).join(', ')));
        }}
      />
    </>
  );
}

function AccountState({ agent }: { agent: Agent }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.agent;
  const { account } = agent;
  return (
    <section aria-labelledby="account-title" className="staff-section">
      <h2 id="account-title">{text.accountTitle}</h2>
      <Facts>
        <Fact label={text.password}>
          {!account.passwordIssued ? text.passwordNotIssued : account.temporaryPasswordPending ? text.passwordTemporary : text.passwordChosen}
        </Fact>
        <Fact label={text.lockout}>{account.locked && account.lockedUntil ? text.lockedUntil(formatDateTime(account.lockedUntil, locale)) : text.notLocked}</Fact>
        <Fact label={text.lastSignIn}>{account.lastSignInAt ? formatDateTime(account.lastSignInAt, locale) : text.never}</Fact>
        <Fact label={text.secondFactors}>{text.factorCount(account.secondFactors)}</Fact>
        {account.enrolmentCodeExpiresAt ? <Fact label={text.enrolmentCode}>{text.validUntil(formatDateTime(account.enrolmentCodeExpiresAt, locale))}</Fact> : null}
      </Facts>
      {account.locked ? <p className="muted">{text.lockedHint}</p> : null}
    </section>
  );
}
