import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import type { SupportTicketDetail } from '../../../server/modules/helpdesk/helpdesk.schema.ts';
import { levels } from '../../../server/modules/helpdesk/helpdesk-rules.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { navigate } from '../../router/history.ts';
import '../../theme/forms.css';
import '../../theme/helpdesk.css';
import { useHelpdeskText } from '../help/helpdesk-text.ts';
import { useTicketAnnounce } from '../help/ticket-announce.ts';
import { TicketMessageForm } from '../help/TicketMessageForm.tsx';
import { TicketAttachForm, TicketThread } from '../help/TicketThread.tsx';
import { staffPaths } from '../staff-paths.ts';
import { useRouteParameter } from '../staff-routes.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { TicketAccountState } from './TicketAccountState.tsx';

// One ticket for support: the agent and their account, follow-ups public and private, status, impact, merge.
export function SupportTicketPage() {
  const id = useRouteParameter();
  const text = useHelpdeskText();
  const { locale } = useI18n();
  const url = `/api/support/tickets/${encodeURIComponent(id)}`;
  const { resource, reload } = useApi<SupportTicketDetail>(url);
  const { message, messageRef, announce } = useTicketAnnounce();
  const [error, setError] = useState<unknown>();

  if (resource.status !== 'ready') {
    return (
      <StaffLayout area="support" title={text.queue.title}>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </StaffLayout>
    );
  }
  const ticket = resource.data;
  const act = async (path: string, body: unknown, said = text.support.saved) => {
    setError(undefined);
    try {
      const next = await api.post<SupportTicketDetail>(`${url}/${path}`, body);
      if (next.id !== ticket.id) return navigate(staffPaths.supportTicket(next.id));
      await reload();
      announce(said);
    } catch (caught) {
      setError(caught);
    }
  };
  const open = ticket.status !== 'closed';

  return (
    <StaffLayout area="support" title={`${text.number(ticket.number)} : ${ticket.title}`}>
      <p>
        <Link href={paths.supportTickets}>{text.support.back}</Link>
      </p>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      <Facts>
        <Fact label={text.ticket.status}>{text.statuses[ticket.status]}</Fact>
        <Fact label={text.ticket.priority}>
          {text.priorities[ticket.priority]}
          {ticket.targets.ownOverdue ? <strong> · {text.queue.overdueOwn}</strong> : null}
          {ticket.targets.resolveOverdue ? <strong> · {text.queue.overdueResolve}</strong> : null}
        </Fact>
        <Fact label={text.support.urgency}>{text.levels[ticket.urgency]}</Fact>
        <Fact label={text.ticket.category}>{text.categories[ticket.category]}</Fact>
        <Fact label={text.support.agent}>
          {ticket.agent.firstName} {ticket.agent.lastName} ({ticket.agent.badgeNumber}, {ticket.agent.departmentCode})
        </Fact>
        <Fact label={text.queue.assignedTo}>{ticket.assignee ? `${ticket.assignee.firstName} ${ticket.assignee.lastName}` : text.queue.nobody}</Fact>
        <Fact label={text.queue.ownBy}>{formatDateTime(ticket.targets.ownBy, locale)}</Fact>
        <Fact label={text.queue.resolveBy}>{formatDateTime(ticket.targets.resolveBy, locale)}</Fact>
        {ticket.callbackRequested ? (
          <Fact label={text.support.callback} wide>
            {[ticket.callbackPhone, ticket.callbackEmail].filter(Boolean).join(' · ')}
          </Fact>
        ) : null}
        <Fact label={text.ticket.description} wide>
          <span className="helpdesk-text" lang="fr">
            {ticket.description}
          </span>
        </Fact>
      </Facts>
      <TicketAccountState badgeNumber={ticket.agent.badgeNumber} />
      {open ? (
        <section aria-labelledby="handling-title">
          <h2 id="handling-title">{text.support.changeStatus}</h2>
          {ticket.assignee ? null : (
            <PendingButton className="button button--primary" onPress={() => act('assign', {})}>
              {text.support.takeMine}
            </PendingButton>
          )}
          <OneField label={text.support.assignTo} submit={text.support.assign} onSubmit={(value) => act('assign', { assigneeBadgeNumber: value })} />
          <ImpactForm current={ticket.impact} onSubmit={(impact) => act('impact', { impact })} />
          {ticket.allowedStatuses.length ? <StatusForm allowed={ticket.allowedStatuses} onSubmit={(status, comment) => act('status', { status, comment: comment || undefined })} /> : null}
          <OneField label={text.support.merge} submit={text.support.mergeButton} onSubmit={(value) => act('merge', { intoNumber: Number(value) }, text.support.merged(Number(value)))} />
        </section>
      ) : null}
      <TicketThread ticket={ticket} apiBase="/api/support/tickets" />
      {open ? <SupportFollowupForm onSubmit={(body, visibility) => act('followups', { body, visibility }, text.ticket.sent)} /> : null}
      {open ? <TicketAttachForm url={`${url}/attachments`} onDone={async (said) => { await reload(); announce(said); }} /> : null}
    </StaffLayout>
  );
}

function OneField({ label, submit, onSubmit }: { label: string; submit: string; onSubmit(value: string): Promise<void> }) {
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value.trim()) return;
    setPending(true);
    await onSubmit(value.trim());
    setPending(false);
  };
  return (
    <Form className="form-card" onSubmit={send} validationBehavior="aria">
      <TextInput label={label} value={value} onChange={setValue} inputMode="numeric" />
      <PendingButton type="submit" className="button button--secondary" pending={pending}>
        {submit}
      </PendingButton>
    </Form>
  );
}

function ImpactForm({ current, onSubmit }: { current: string; onSubmit(impact: string): Promise<void> }) {
  const text = useHelpdeskText();
  const [impact, setImpact] = useState(current);
  return (
    <Form className="form-card" onSubmit={(event) => { event.preventDefault(); void onSubmit(impact); }} validationBehavior="aria">
      <NativeSelect label={text.support.impact} value={impact} onChange={setImpact} options={levels.map((l) => ({ value: l, label: text.levels[l] }))} />
      <PendingButton type="submit" className="button button--secondary">
        {text.support.setImpact}
      </PendingButton>
    </Form>
  );
}

function StatusForm({ allowed, onSubmit }: { allowed: SupportTicketDetail['allowedStatuses']; onSubmit(status: string, comment: string): Promise<void> }) {
  const text = useHelpdeskText();
  const [status, setStatus] = useState<string>(allowed[0]!);
  return (
    <TicketMessageForm label={text.support.statusComment} submit={text.support.apply} required={false} send={(comment) => onSubmit(status, comment)}>
      <NativeSelect label={text.support.newStatus} value={status} onChange={setStatus} options={allowed.map((s) => ({ value: s, label: text.statuses[s] }))} />
    </TicketMessageForm>
  );
}

function SupportFollowupForm({ onSubmit }: { onSubmit(body: string, visibility: string): Promise<void> }) {
  const text = useHelpdeskText();
  const [visibility, setVisibility] = useState('private');
  return (
    <TicketMessageForm label={text.ticket.addFollowup} submit={text.ticket.send} send={(body) => onSubmit(body, visibility)}>
      <NativeSelect label={text.support.visibility} value={visibility} onChange={setVisibility} options={[{ value: 'private', label: text.support.private }, { value: 'public', label: text.support.public }]} />
    </TicketMessageForm>
  );
}
