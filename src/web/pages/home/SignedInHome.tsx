import { Link } from 'react-aria-components';
import type { MeResponse } from '../../../server/modules/identity/sign-in.schema.ts';
import { usePortal } from '../../api/PortalProvider.tsx';
import { Page } from '../../components/Page.tsx';
import { LinkCards } from '../../components/LinkCards.tsx';
import { PasswordExpiryBanner } from '../../components/PasswordExpiryBanner.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { MyContacts } from './MyContacts.tsx';
import { AppCatalogue } from '../applications/AppCatalogue.tsx';
import { type ServiceKey, ServiceList } from './ServiceList.tsx';
import { Announcements } from '../../components/Announcements.tsx';

// What is already on the portal is linked above; the list keeps what is still to come.
const comingServices: ServiceKey[] = ['itSupport'];

// Names of departments and job profiles are the city's own records, in French whatever the page's language.
const recordsLanguage = 'fr';

export function SignedInHome({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const portal = usePortal();
  const text = t.home.signedIn;
  const links = [
    { href: paths.account, label: text.links.account, hint: text.links.accountHint },
    { href: paths.accountPassword, label: text.links.password, hint: text.links.passwordHint },
    { href: paths.accountSecondFactors, label: text.links.secondFactors, hint: text.links.secondFactorsHint },
    { href: paths.accountSessions, label: text.links.sessions, hint: text.links.sessionsHint },
    { href: paths.accountHistory, label: text.links.history, hint: text.links.historyHint },
  ];

  const requests = [
    { href: paths.leave, label: text.requests.leave, hint: text.requests.leaveHint },
    { href: paths.telework, label: text.requests.telework, hint: text.requests.teleworkHint },
    { href: paths.mobility, label: text.requests.mobility, hint: text.requests.mobilityHint },
    { href: paths.training, label: text.requests.training, hint: text.requests.trainingHint },
  ];
  const papers = [
    { href: paths.myPayslips, label: text.papers.payslips, hint: text.papers.payslipsHint },
    { href: paths.myCertificates, label: text.papers.certificates, hint: text.papers.certificatesHint },
    { href: paths.myFile, label: text.papers.file, hint: text.papers.fileHint },
    { href: paths.myCard, label: text.papers.card, hint: text.papers.cardHint },
  ];

  return (
    <Page title={text.greeting(me.firstName)} lead={text.lead(portal.name)}>
      <PasswordExpiryBanner me={me} />
      <Announcements />

      <section className="profile-card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="profile-card__title">
          {text.profileTitle}
        </h2>
        <dl className="facts">
          <div className="facts__item">
            <dt>{text.department}</dt>
            <dd>
              <span lang={recordsLanguage}>{me.department.name}</span> ({me.department.code})
            </dd>
          </div>
          <div className="facts__item">
            <dt>{text.jobProfile}</dt>
            <dd lang={recordsLanguage}>{me.jobProfile.name}</dd>
          </div>
          <div className="facts__item">
            <dt>{text.jobTitle}</dt>
            <dd lang={recordsLanguage}>{me.jobTitle}</dd>
          </div>
          <div className="facts__item">
            <dt>{text.badgeNumber}</dt>
            <dd>{me.badgeNumber}</dd>
          </div>
        </dl>
      </section>

      <AppCatalogue />

      <LinkCards title={text.requestsTitle} links={requests} />

      <LinkCards title={text.papersTitle} links={papers} />

      <MyContacts />

      <LinkCards title={text.accountTitle} links={links} />

      <ServiceList intro={text.servicesIntro} only={comingServices} />
    </Page>
  );
}
