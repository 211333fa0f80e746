import { type FormEvent, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import type { MyTicketsResponse, NewTicketBody, TicketDetail } from '../../../server/modules/helpdesk/helpdesk.schema.ts';
import { levels, ticketCategories, ticketKinds } from '../../../server/modules/helpdesk/helpdesk-rules.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router/history.ts';
import { staffPaths } from '../staff-paths.ts';
import '../../theme/forms.css';
import { useArticleSearch } from './faq-search.ts';
import { useHelpdeskText } from './helpdesk-text.ts';

type Draft = Omit<NewTicketBody, 'kind' | 'category' | 'urgency'> & { kind: string; category: string; urgency: string };

export function NewTicketPage() {
  const { t, locale } = useI18n();
  const text = useHelpdeskText();
  const [draft, setDraft] = useState<Draft>({ kind: 'incident', category: '', urgency: 'medium', title: '', description: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const suggestions = useArticleSearch(draft.title.length >= 3 ? draft.title : '', '', { suggest: true });
  const mine = useApi<MyTicketsResponse>('/api/help/tickets').resource;

  const set = (name: keyof Draft) => (value: string) => {
    setDraft((previous) => ({ ...previous, [name]: value }));
    clear(name);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = check({
      category: draft.category ? undefined : t.common.required,
      title: draft.title.trim() ? undefined : t.common.required,
      description: draft.description.trim() ? undefined : t.common.required,
    });
    if (!ok) return;
    setPending(true);
    setError(undefined);
    try {
      const created = await api.post<TicketDetail>('/api/help/tickets', draft);
      navigate(staffPaths.helpTicket(created.id));
    } catch (caught) {
      if (!check(problemFieldErrors(caught, locale, t))) return;
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  // The FAQ route may not answer (not there yet, offline): suggestions are a bonus, never an error.
  const articles = suggestions.status === 'ready' && draft.title.length >= 3 ? suggestions.data.items : [];

  return (
    <Page title={text.newTicket.title} lead={text.newTicket.lead}>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <NativeSelect label={text.newTicket.kind} value={draft.kind} onChange={set('kind')} options={ticketKinds.map((k) => ({ value: k, label: text.kinds[k] }))} isRequired />
        <NativeSelect
          label={text.newTicket.category}
          value={draft.category}
          onChange={set('category')}
          emptyLabel="—"
          error={errors.category}
          options={ticketCategories.map((c) => ({ value: c, label: text.categories[c] }))}
          isRequired
        />
        <NativeSelect
          label={text.newTicket.urgency}
          description={text.newTicket.urgencyHelp}
          value={draft.urgency}
          onChange={set('urgency')}
          options={levels.map((l) => ({ value: l, label: text.levels[l] }))}
          isRequired
        />
        <TextInput label={text.newTicket.ticketTitle} name="title" value={draft.title} onChange={set('title')} error={errors.title} isRequired maxLength={150} />
        {articles.length ? (
          <section aria-live="polite" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title" className="field__label">
              {text.newTicket.suggestions}
            </h2>
            <ul>
              {articles.map((a) => (
                <li key={a.slug}>
                  <Link href={staffPaths.helpArticle(a.slug)} lang="fr">
                    {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <TextAreaInput
          label={text.newTicket.description}
          description={text.newTicket.descriptionHelp}
          name="description"
          value={draft.description}
          onChange={set('description')}
          error={errors.description}
          isRequired
          rows={6}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.newTicket.submit}
          </PendingButton>
        </div>
      </Form>
      <section aria-labelledby="my-tickets-title">
        <h2 id="my-tickets-title">{text.newTicket.myTickets}</h2>
        {mine.status === 'ready' && mine.data.items.length === 0 ? <p>{text.newTicket.none}</p> : null}
        {mine.status === 'ready' ? (
          <ul className="item-cards">
            {mine.data.items.map((item) => (
              <li key={item.id} className="item-card">
                <div className="item-card__main">
                  <h3 className="item-card__title">
                    <Link href={staffPaths.helpTicket(item.id)}>
                      {text.number(item.number)} : <span lang="fr">{item.title}</span>
                    </Link>
                  </h3>
                  <p className="item-card__subtitle">
                    {text.statuses[item.status]} · {formatDate(item.createdAt, locale)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
