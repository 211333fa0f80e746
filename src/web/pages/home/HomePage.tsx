import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/home.css';
import { DepartmentList } from './DepartmentList.tsx';
import { ServiceList } from './ServiceList.tsx';
import { SignInSteps } from './SignInSteps.tsx';

export function HomePage() {
  const { t } = useI18n();
  const home = t.home;

  return (
    <Page title={home.title} lead={home.lead}>
      <section className="notice">
        <h2 className="notice__title">{home.notice.title}</h2>
        <p>{home.notice.text}</p>
      </section>

      <section className="reading">
        <h2>{home.audience.title}</h2>
        <p>{home.audience.text}</p>
      </section>

      <ServiceList />
      <SignInSteps />

      <section className="reading">
        <h2>{home.account.title}</h2>
        <p>{home.account.text}</p>
      </section>

      <DepartmentList />
    </Page>
  );
}
