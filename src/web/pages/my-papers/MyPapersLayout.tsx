import type { ReactNode } from 'react';
import { AreaNav, type AreaNavItem } from '../../components/AreaNav.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/account.css';
import '../../theme/forms.css';
import '../../theme/staff.css';

// Every page of the agent's own papers: their tabs (file, payslips, certificates, card), then the page.
export function MyPapersLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const tabs = t.papers.tabs;
  const items: AreaNavItem[] = [
    { href: paths.myFile, label: tabs.file, includes: paths.myFile },
    { href: paths.myPayslips, label: tabs.payslips, includes: paths.myPayslips },
    { href: paths.myCertificates, label: tabs.certificates },
    { href: paths.myCard, label: tabs.card },
  ];
  return (
    <Page title={title} lead={lead}>
      <AreaNav label={t.papers.navLabel} items={items} />
      <div className="staff-content">{children}</div>
    </Page>
  );
}
