import { Link } from 'react-aria-components';
import type { OfferDetail } from '../../../server/modules/mobility/mobility.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { useRouteParameter } from '../staff-routes.ts';
import { ApplyForm } from './ApplyForm.tsx';
import { useAnnouncement } from './use-announcement.tsx';
import '../../theme/mobility.css';

// One job offer as published, and the agent's application to it: the form while it is open and they have
// not applied, where their application stands once they have.
export function JobOfferPage() {
  const { requests } = useI18n();
  const text = requests.mobility.offer;
  const id = useRouteParameter();
  const { resource, reload } = useApi<OfferDetail>(`/api/job-offers/${encodeURIComponent(id)}`);
  const { announce, announcement } = useAnnouncement();

  async function applied(message: string) {
    await reload();
    announce(message);
  }

  const title = resource.status === 'ready' ? resource.data.title : text.title;
  return (
    <RequestsLayout title={title}>
      <p className="back-link">
        <Link href={paths.mobility}>{text.back}</Link>
      </p>
      {announcement}
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? <OfferContent offer={resource.data} onApplied={applied} /> : null}
    </RequestsLayout>
  );
}

function OfferContent({ offer, onApplied }: { offer: OfferDetail; onApplied(message: string): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.offer;
  const fr = locale === 'fr' ? undefined : 'fr';
  const mine = offer.myApplication;
  return (
    <>
      <Facts>
        <Fact label={text.department}>
          <span lang={fr}>
            {offer.department.code} – {offer.department.name}
          </span>
        </Fact>
        {offer.service ? (
          <Fact label={text.service}>
            <span lang={fr}>{offer.service}</span>
          </Fact>
        ) : null}
        {offer.site ? (
          <Fact label={text.site} wide>
            <span lang={fr}>{[offer.site, offer.siteAddress].filter(Boolean).join(', ')}</span>
          </Fact>
        ) : null}
        <Fact label={text.category}>{requests.mobility.category(offer.category)}</Fact>
        {offer.grades.length > 0 ? (
          <Fact label={text.grades} wide>
            <span lang={fr}>{offer.grades.map((g) => g.name).join(', ')}</span>
          </Fact>
        ) : null}
        {offer.publishedOn ? <Fact label={text.publishedOn}>{formatDate(offer.publishedOn, locale)}</Fact> : null}
        <Fact label={text.closesOn}>{formatDate(offer.closesOn, locale)}</Fact>
        <Fact label={text.contact} wide>
          <span lang={fr}>{offer.contact}</span>
        </Fact>
      </Facts>
      <section aria-labelledby="offer-description-title" className="staff-section">
        <h2 id="offer-description-title">{text.description}</h2>
        <p className="mobility-text mobility-offer-text" lang={fr}>
          {offer.description}
        </p>
      </section>
      {mine ? (
        <Alert tone="info">
          <p>{text.applied(formatDate(mine.submittedAt, locale), requests.mobility.stages[mine.stage])}</p>
          <p>
            <Link href={paths.mobility}>{text.follow}</Link>
          </p>
        </Alert>
      ) : offer.open ? (
        <ApplyForm offerId={offer.id} onApplied={onApplied} />
      ) : (
        <Alert tone="warning">
          <p>{text.closed}</p>
        </Alert>
      )}
    </>
  );
}
