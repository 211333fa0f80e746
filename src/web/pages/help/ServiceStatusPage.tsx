import type { ServiceStatusPage as ServiceStatusData } from '../../../server/modules/announcements/announcements.schema.ts';
import { useJson } from '../../api/use-json.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SupportContact } from '../../components/SupportContact.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/announcements.css';
import { StatusHistory } from './StatusHistory.tsx';
import { StatusServiceList } from './StatusServiceList.tsx';

// Public: an agent who cannot sign in checks here whether the trouble is theirs or the city's.
export function ServiceStatusPage() {
  const text = useAnnouncementsText().status;
  const { locale } = useI18n();
  const status = useJson<ServiceStatusData>('/api/service-status');
  const lastCheck =
    status.status === 'ready' && status.data.services.length > 0
      ? status.data.services.map((service) => service.checkedAt).reduce((latest, at) => (at > latest ? at : latest))
      : undefined;

  return (
    <Page title={text.title} lead={text.lead}>
      {status.status === 'ready' ? (
        <>
          <section aria-labelledby="services-title">
            <h2 id="services-title">{text.servicesTitle}</h2>
            {lastCheck ? <p>{text.checkedAt(formatDateTime(lastCheck, locale))}</p> : <p>{text.noChecks}</p>}
            <StatusServiceList services={status.data.services} />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">{text.historyTitle}</h2>
            <StatusHistory incidents={status.data.incidents} stateChanges={status.data.stateChanges} />
          </section>
        </>
      ) : (
        <StatusMessage status={status.status} />
      )}
      <section aria-labelledby="help-title">
        <h2 id="help-title">{text.helpTitle}</h2>
        <SupportContact />
      </section>
    </Page>
  );
}
