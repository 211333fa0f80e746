import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { HrReferenceResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import type { HrOffer, HrOfferList } from '../../../server/modules/mobility/mobility.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { OfferFormDialog } from './OfferFormDialog.tsx';

type Reference = z.infer<typeof HrReferenceResponse>;
type Editing = { offer?: HrOffer };
type Changing = { offer: HrOffer; to: 'publication' | 'closing' };

// The department's offers, drafts included: HR writes, edits, publishes and closes them.
export function HrOffers({ onChanged }: { onChanged(message: string): Promise<void> }) {
  const { requests, admin, locale } = useI18n();
  const text = requests.mobility.hr;
  const fr = locale === 'fr' ? undefined : 'fr';
  const { resource, reload } = useApi<HrOfferList>('/api/hr/job-offers');
  const reference = useApi<Reference>('/api/hr/reference');
  const [editing, setEditing] = useState<Editing>();
  const [changing, setChanging] = useState<Changing>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function done(message: string) {
    setEditing(undefined);
    setChanging(undefined);
    await reload();
    await onChanged(message);
  }

  async function change() {
    if (!changing) return;
    setPending(true);
    setError(undefined);
    try {
      await api.post(`/api/hr/job-offers/${encodeURIComponent(changing.offer.id)}/${changing.to}`);
      await done((changing.to === 'publication' ? text.published : text.closed)(changing.offer.title));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const ready = resource.status === 'ready' && reference.resource.status === 'ready';
  return (
    <section aria-labelledby="hr-offers-title" className="staff-section">
      <div className="section-heading">
        <h2 id="hr-offers-title">{text.offersTitle}</h2>
        {ready && resource.data.departments.length > 0 ? (
          <Button className="button button--primary" onPress={() => setEditing({})}>
            {text.newOffer}
          </Button>
        ) : null}
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <>
          <p className="results-count">{resource.data.items.length === 0 ? text.noOffers : text.offersCount(resource.data.items.length)}</p>
          {resource.data.items.length > 0 ? (
            <ResponsiveTable<HrOffer>
              caption={text.offersCaption}
              rows={resource.data.items}
              rowKey={(offer) => offer.id}
              title={{ key: 'title', header: text.columns.title, cell: (offer) => <span lang={fr}>{offer.title}</span> }}
              columns={[
                { key: 'status', header: text.columns.status, cell: (offer) => <span className="status-tag">{text.offerStatus[offer.status]}</span> },
                { key: 'closes', header: text.columns.closesOn, cell: (offer) => formatDate(offer.closesOn, locale), nowrap: true },
                { key: 'applications', header: text.columns.applications, cell: (offer) => offer.applicationCount },
              ]}
              actions={{
                header: text.columns.actions,
                cell: (offer) => (
                  <div className="mobility-actions">
                    {offer.status !== 'closed' && ready ? (
                      <Button className="button button--secondary button--small" onPress={() => setEditing({ offer })} aria-label={text.editNamed(offer.title)}>
                        {text.edit}
                      </Button>
                    ) : null}
                    {offer.status === 'draft' ? (
                      <Button className="button button--primary button--small" onPress={() => setChanging({ offer, to: 'publication' })} aria-label={text.publishNamed(offer.title)}>
                        {text.publish}
                      </Button>
                    ) : null}
                    {offer.status !== 'closed' ? (
                      <Button className="button button--secondary button--small" onPress={() => setChanging({ offer, to: 'closing' })} aria-label={text.closeNamed(offer.title)}>
                        {text.close}
                      </Button>
                    ) : null}
                  </div>
                ),
              }}
            />
          ) : null}
        </>
      ) : null}
      {editing && resource.status === 'ready' && reference.resource.status === 'ready' ? (
        <OfferFormDialog
          offer={editing.offer}
          departments={resource.data.departments}
          reference={reference.resource.data}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => done(text.saved(saved.title))}
        />
      ) : null}
      {changing ? (
        <AlertDialog
          title={(changing.to === 'publication' ? text.publishTitle : text.closeTitle)(changing.offer.title)}
          confirmLabel={changing.to === 'publication' ? text.publish : text.close}
          cancelLabel={admin.common.cancel}
          busy={pending}
          onConfirm={() => void change()}
          onCancel={() => setChanging(undefined)}
          onDismiss={() => setChanging(undefined)}
        >
          <p>{changing.to === 'publication' ? text.publishText : text.closeText}</p>
          {error ? <ProblemAlert error={error} /> : null}
        </AlertDialog>
      ) : null}
    </section>
  );
}
