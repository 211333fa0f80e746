import type { ServiceStatus } from '../../../server/modules/announcements/announcements.schema.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StatusServiceName } from './StatusServiceName.tsx';

// Decorative marks beside the state's word: a tick, a wave, a cross.
const marks = { operational: 'M5 12l5 5 9-10', degraded: 'M3 12c3-4 6 4 9 0s6-4 9 0', unavailable: 'M6 6l12 12M18 6 6 18' };

export function StatusServiceList({ services }: { services: ServiceStatus[] }) {
  const text = useAnnouncementsText().status;
  const { locale } = useI18n();
  if (services.length === 0) return null;
  return (
    <ul className="service-list">
      {services.map((service) => (
        <li key={`${service.kind}:${service.name ?? ''}`} className={`service service--${service.state}`}>
          <span className="service__name">
            <StatusServiceName kind={service.kind} name={service.name} />
          </span>
          <span className="service__state">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d={marks[service.state]} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span>
              {text.states[service.state]} <span className="service__since">{text.stateSince(formatDateTime(service.since, locale))}</span>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
