import { Link } from 'react-aria-components';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { stepPaths } from '../../session/sign-in-steps.ts';
import { DepartmentList } from './DepartmentList.tsx';
import { ServiceList } from './ServiceList.tsx';
import { SignInSteps } from './SignInSteps.tsx';
import { Announcements } from '../../components/Announcements.tsx';

export function SignedOutHome() {
  const { t } = useI18n();
  const { state } = useSession();
  const home = t.home;
  const pendingStep = state.status === 'signed-in' && state.me.session.stage !== 'done' ? state.me.session.stage : undefined;

  return (
    <Page title={home.title} lead={home.lead}>
      <Announcements />
      <section className="call-to-action">
        <h2 className="call-to-action__title">{pendingStep ? home.signInCall.pendingTitle : home.signInCall.title}</h2>
        <p>{pendingStep ? home.signInCall.pendingText : home.signInCall.text}</p>
        <Link href={pendingStep ? stepPaths[pendingStep] : paths.signIn} className="button button--primary">
          {pendingStep ? home.signInCall.pendingAction : home.signInCall.action}
        </Link>
      </section>

      <section className="reading">
        <h2>{home.audience.title}</h2>
        <p>{home.audience.text}</p>
      </section>

      <ServiceList intro={home.services.intro} />
      <SignInSteps />

      <section className="reading">
        <h2>{home.account.title}</h2>
        <p>{home.account.text}</p>
      </section>

      <DepartmentList />
    </Page>
  );
}
