import type { ReactNode } from 'react';
import { Alert } from '../components/Alert.tsx';
import { AreaNav, type AreaNavItem } from '../components/AreaNav.tsx';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AdminDictionary } from '../i18n/admin-dictionaries.ts';
import { paths } from '../router/paths.ts';
import { useMe } from '../session/SessionProvider.tsx';
import '../theme/account.css';
import '../theme/forms.css';
import '../theme/staff.css';
import { mayUseArea, type StaffArea } from './staff-areas.ts';

type StaffLayoutProps = { area: StaffArea; title: string; lead?: ReactNode; children: ReactNode };

function areaPages(area: StaffArea, text: AdminDictionary['areaNav']): AreaNavItem[] {
  switch (area) {
    case 'hr':
      return [
        { href: paths.hrAgents, label: text.hrAgents, includes: paths.hrAgents },
        { href: paths.hrNewAgent, label: text.hrNewAgent },
        { href: paths.hrImport, label: text.hrImport },
        { href: paths.hrFileCorrections, label: text.hrFileCorrections },
        { href: paths.hrCardReplacements, label: text.hrCardReplacements },
        { href: paths.hrPayroll, label: text.hrPayroll },
        { href: paths.hrAbsences, label: text.hrAbsences },
        { href: paths.hrMobility, label: text.hrMobility },
        { href: paths.hrTraining, label: text.hrTraining },
      ];
    case 'support':
      return [
        { href: paths.supportAccounts, label: text.supportAccounts, includes: paths.supportAccounts },
        { href: paths.supportAlerts, label: text.supportAlerts },
        { href: paths.supportTickets, label: text.supportTickets, includes: paths.supportTickets },
        { href: paths.supportAnnouncements, label: text.supportAnnouncements },
        { href: paths.supportFaq, label: text.supportFaq },
      ];
    case 'administration':
      return [
        { href: paths.adminRoles, label: text.adminRoles },
        { href: paths.adminScimTokens, label: text.adminScimTokens },
        { href: paths.adminApplications, label: text.adminApplications },
        { href: paths.adminSsoClients, label: text.adminSsoClients },
        { href: paths.adminGateway, label: text.adminGateway },
      ];
    default:
      return [];
  }
}

// Every staff page: its area's tabs, or a clear "reserved to…" for an agent whose roles do not open it
// (the server refuses anyway; this saves a request and says why).
export function StaffLayout({ area, title, lead, children }: StaffLayoutProps) {
  const { admin } = useI18n();
  const me = useMe();
  if (!mayUseArea(area, me.roles)) {
    return (
      <Page title={admin.access.title}>
        <Alert tone="warning">
          <p>{admin.access.reservedTo[area]}</p>
          <p>{admin.access.askAdministrator}</p>
        </Alert>
      </Page>
    );
  }
  const pages = areaPages(area, admin.areaNav);
  return (
    <Page title={title} lead={lead}>
      {pages.length > 0 ? <AreaNav label={admin.areaNav.label[area]} items={pages} /> : null}
      <div className="staff-content">{children}</div>
    </Page>
  );
}
