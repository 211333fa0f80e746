import { Link } from 'react-aria-components';
import { usePortal } from '../../api/PortalProvider.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/statement.css';

// Addresses given by the RGAA model statement for the recourse to the Défenseur des droits.
const defenseurOnlineForm = 'https://formulaire.defenseurdesdroits.fr/';
const defenseurDelegates = 'https://www.defenseurdesdroits.fr/saisir/delegues';

export function AccessibilityPage() {
  const { t } = useI18n();
  const { name } = usePortal();
  const text = t.accessibility;

  return (
    <Page title={text.title}>
      <div className="statement">
        <p>{text.commitment(name)}</p>
        <p>{text.scope}</p>

        <h2>{text.compliance.title}</h2>
        <p className="statement__status">{text.compliance.text}</p>

        <h2>{text.results.title}</h2>
        <p>{text.results.audit}</p>
        <p>{text.results.automated}</p>

        <h2>{text.nonAccessible.title}</h2>
        <p>{text.nonAccessible.text}</p>

        <h2>{text.establishment.title}</h2>
        <p>{text.establishment.date}</p>
        <h3>{text.establishment.technologiesTitle}</h3>
        <ul>
          {text.establishment.technologies.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <h3>{text.establishment.toolsTitle}</h3>
        <ul>
          {text.establishment.tools.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <h3>{text.establishment.pagesTitle}</h3>
        <ul>
          <li>{t.nav.home}</li>
          <li>{text.title}</li>
          <li>{t.apiReference.title}</li>
          <li>{t.notFound.title}</li>
          <li>{t.signIn.title}</li>
          <li>{t.secondFactorStep.title}</li>
          <li>{t.newPasswordStep.title}</li>
          <li>{t.enrolmentStep.title}</li>
          <li>{t.forgottenPassword.title}</li>
          <li>{t.resetPassword.title}</li>
          <li>{t.account.overview.title}</li>
          <li>{t.changePassword.title}</li>
          <li>{t.account.secondFactors.title}</li>
          <li>{t.account.sessions.title}</li>
          <li>{t.account.history.title}</li>
          <li>{t.devOutbox.title}</li>
        </ul>

        <h2>{text.feedback.title}</h2>
        <p>{text.feedback.text}</p>
        <p>{text.feedback.how}</p>

        <h2>{text.recourse.title}</h2>
        <p>{text.recourse.text}</p>
        <ul>
          <li>
            <Link href={defenseurOnlineForm} hrefLang="fr">
              {text.recourse.onlineForm}
            </Link>
          </li>
          <li>
            <Link href={defenseurDelegates} hrefLang="fr">
              {text.recourse.delegate}
            </Link>
          </li>
          <li>
            {text.recourse.letter}
            <address className="statement__address" lang="fr">
              {text.recourse.address.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </address>
          </li>
        </ul>
      </div>
    </Page>
  );
}
