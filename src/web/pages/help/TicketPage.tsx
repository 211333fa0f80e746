import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { TicketDetail } from '../../../server/modules/helpdesk/helpdesk.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRouteParameter } from '../staff-routes.ts';
import '../../theme/forms.css';
import '../../theme/helpdesk.css';
import { useHelpdeskText } from './helpdesk-text.ts';
import { useTicketAnnounce } from './ticket-announce.ts';
import { TicketMessageForm } from './TicketMessageForm.tsx';
import { TicketAttachForm, TicketThread } from './TicketThread.tsx';

// The agent's own ticket: what support answered, add a message or a file, confirm the solution, give an opinion.
export function TicketPage() {
  const id = useRouteParameter();
  const text = useHelpdeskText();
  const { locale } = useI18n();
  const url = `/api/help/tickets/${encodeURIComponent(id)}`;
  const { resource, reload } = useApi<TicketDetail>(url);
  const { message, messageRef, announce } = useTicketAnnounce();

  if (resource.status === 'failed') return <Page title={text.newTicket.myTickets}><LoadFailure error={resource.error} /></Page>;
  if (resource.status === 'loading') return <Page title={text.newTicket.myTickets}><StatusMessage status="loading" /></Page>;
  const ticket = resource.data;
  const done = async (said: string) => {
    await reload();
    announce(said);
  };

  return (
    <Page title={`${text.number(ticket.number)} : ${ticket.title}`}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <Facts>
        <Fact label={text.ticket.status}>{text.statuses[ticket.status]}</Fact>
        <Fact label={text.ticket.category}>{text.categories[ticket.category]}</Fact>
        <Fact label={text.ticket.priority}>{text.priorities[ticket.priority]}</Fact>
        <Fact label={text.ticket.createdAt}>{formatDateTime(ticket.createdAt, locale)}</Fact>
        <Fact label={text.ticket.description} wide>
          <span className="helpdesk-text" lang="fr">
            {ticket.description}
          </span>
        </Fact>
      </Facts>
      {ticket.mergedIntoNumber ? (
        <Alert tone="info">
          <p>{text.ticket.mergedInto(ticket.mergedIntoNumber)}</p>
        </Alert>
      ) : null}
      {ticket.status === 'solved' ? <SolutionAnswer url={url} onDone={done} /> : null}
      <TicketThread ticket={ticket} apiBase="/api/help/tickets" />
      {ticket.status === 'closed' ? null : (
        <>
          <TicketMessageForm
            label={text.ticket.addFollowup}
            submit={text.ticket.send}
            send={async (body) => {
              await api.post(`${url}/followups`, { body });
              await done(text.ticket.sent);
            }}
          />
          <TicketAttachForm url={`${url}/attachments`} onDone={done} />
        </>
      )}
      {ticket.status === 'closed' && !ticket.mergedIntoNumber ? (
        ticket.satisfaction ? (
          <p>{text.ticket.rated(ticket.satisfaction.rating)}</p>
        ) : (
          <Satisfaction url={url} onDone={done} />
        )
      ) : null}
    </Page>
  );
}

function SolutionAnswer({ url, onDone }: { url: string; onDone(message: string): Promise<void> }) {
  const text = useHelpdeskText().ticket;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const accept = async () => {
    setPending(true);
    try {
      await api.post(`${url}/solution`, { accepted: true });
      await onDone(text.closedThanks);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby="solution-title">
      <h2 id="solution-title">{text.solution}</h2>
      <p>{text.solutionQuestion}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <PendingButton className="button button--primary" pending={pending} onPress={() => void accept()}>
        {text.accept}
      </PendingButton>
      <TicketMessageForm
        label={text.refuseComment}
        submit={text.refuse}
        send={async (comment) => {
          await api.post(`${url}/solution`, { accepted: false, comment });
          await onDone(text.reopened);
        }}
      />
    </section>
  );
}

function Satisfaction({ url, onDone }: { url: string; onDone(message: string): Promise<void> }) {
  const text = useHelpdeskText().ticket;
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      await api.post(`${url}/satisfaction`, { rating: Number(rating), comment: comment.trim() || undefined });
      await onDone(text.rated(Number(rating)));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  return (
    <section aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{text.satisfaction}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      <Form className="form-card" onSubmit={submit} validationBehavior="aria">
        <NativeSelect label={text.rating} value={rating} onChange={setRating} options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))} isRequired />
        <TextAreaInput label={text.comment} value={comment} onChange={setComment} rows={3} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.rate}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
