import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { DelegationList } from '../../../server/modules/requests/requests.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { DelegationForm } from './DelegationForm.tsx';
import { Outcome, useOutcome } from './Outcome.tsx';
import { RequestsLayout } from './RequestsLayout.tsx';
import '../../theme/requests.css';

type Delegation = z.infer<typeof DelegationList>['items'][number];

// A manager going away hands their approvals to a colleague for some days, and may take them back early;
// the colleague sees here what was handed to them.
export function DelegationsPage() {
  const { requests, t } = useI18n();
  const text = requests.common.delegations;
  const { resource, reload } = useApi<z.infer<typeof DelegationList>>('/api/me/delegations');
  const { told, tell, focusRef } = useOutcome();
  const [ending, setEnding] = useState<Delegation>();
  const [pending, setPending] = useState(false);

  async function end(delegation: Delegation) {
    setPending(true);
    try {
      await api.delete(`/api/me/delegations/${encodeURIComponent(delegation.id)}`);
      await reload();
      tell({ message: text.ended(delegation.delegate) });
    } catch (caught) {
      await reload();
      tell({ error: caught });
    } finally {
      setPending(false);
      setEnding(undefined);
    }
  }

  const list = resource.status === 'ready' ? resource.data : undefined;
  const given = list?.items.filter((item) => item.direction === 'given') ?? [];
  const received = list?.items.filter((item) => item.direction === 'received') ?? [];

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <p className="back-link">
        <Link href={paths.inbox}>{text.back}</Link>
      </p>
      <Outcome told={told} focusRef={focusRef} />
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {list ? (
        <>
          {list.managesATeam ? (
            <DelegationForm
              onCreated={async (next, values) => {
                await reload();
                const created = next.items.find((item) => item.direction === 'given' && item.delegateBadgeNumber === values.delegateBadgeNumber.trim() && item.startsOn === values.startsOn);
                tell({ message: text.created(created?.delegate ?? values.delegateBadgeNumber) });
              }}
            />
          ) : (
            <Alert tone="info">
              <p>{text.noTeam}</p>
            </Alert>
          )}
          {list.managesATeam || given.length > 0 ? (
            <DelegationSection title={text.givenTitle} empty={text.noneGiven} items={given} onEnd={setEnding} />
          ) : null}
          <DelegationSection title={text.receivedTitle} empty={text.noneReceived} items={received} />
        </>
      ) : null}
      {ending ? (
        <AlertDialog
          title={text.endTitle(ending.delegate)}
          confirmLabel={text.end}
          cancelLabel={t.common.cancel}
          tone="danger"
          busy={pending}
          onConfirm={() => void end(ending)}
          onCancel={() => setEnding(undefined)}
          onDismiss={() => setEnding(undefined)}
        >
          <p>{text.endText}</p>
        </AlertDialog>
      ) : null}
    </RequestsLayout>
  );
}

function DelegationSection({ title, empty, items, onEnd }: { title: string; empty: string; items: Delegation[]; onEnd?(delegation: Delegation): void }) {
  const { requests, locale } = useI18n();
  const text = requests.common.delegations;
  const id = onEnd ? 'delegations-given' : 'delegations-received';
  return (
    <section aria-labelledby={id} className="staff-section">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="item-cards">
          {items.map((item) => (
            <li key={item.id} className="item-card">
              <div className="item-card__main">
                <p className="item-card__title">{onEnd ? text.to(item.delegate, item.delegateBadgeNumber) : text.from(item.manager)}</p>
                <p className="item-card__subtitle">{text.period(formatDate(item.startsOn, locale), formatDate(item.endsOn, locale))}</p>
              </div>
              {onEnd ? (
                <Button className="button button--secondary" onPress={() => onEnd(item)} aria-label={text.endNamed(item.delegate)}>
                  {text.end}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
