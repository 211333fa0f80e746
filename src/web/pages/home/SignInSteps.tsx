import { usePortal } from '../../api/PortalProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function SignInSteps() {
  const { t } = useI18n();
  const portal = usePortal();
  const text = t.home.signIn;

  return (
    <section className="reading">
      <h2>{text.title}</h2>
      <p>{text.intro}</p>
      <ol className="steps">
        <li className="steps__item">
          <h3 className="steps__title">{text.identifier.title}</h3>
          <p>{text.identifier.text}</p>
          <ul className="steps__details">
            <li>{text.identifier.badge}</li>
            <li>{text.identifier.email(portal.emailDomain)}</li>
          </ul>
        </li>
        <li className="steps__item">
          <h3 className="steps__title">{text.password.title}</h3>
          <p>{text.password.text}</p>
        </li>
        <li className="steps__item">
          <h3 className="steps__title">{text.secondFactor.title}</h3>
          <p>{text.secondFactor.text}</p>
        </li>
      </ol>
    </section>
  );
}
