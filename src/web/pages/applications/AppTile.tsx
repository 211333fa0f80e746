import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import type { CatalogueApp } from '../../../server/modules/applications/applications.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useApplicationsText } from './applications-text.ts';

// Names and descriptions are the city's own records, in French whatever the page's language.
const recordsLanguage = 'fr';

/** Two letters standing for the app on its tile: decoration, the name beside it says the same. */
function monogram(name: string): string {
  const words = name.split(/[\s'’-]+/).filter((word) => word.length > 2 || /^[A-Z]/.test(word));
  return ((words[0]?.[0] ?? name[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase();
}

// One application: its name is the link (the whole tile is pressable), then what it is for and what to expect.
export function AppTile({ app, children }: { app: CatalogueApp; children?: ReactNode }) {
  const { locale } = useI18n();
  const text = useApplicationsText();
  const lang = locale === recordsLanguage ? undefined : recordsLanguage;
  return (
    <li className="app-tile">
      <div className="app-tile__heading">
        <span className={`app-tile__icon app-tile__icon--${app.category}`} aria-hidden="true">
          {monogram(app.name)}
        </span>
        <Link href={app.openUrl} className="app-tile__link" lang={lang}>
          {app.name}
        </Link>
      </div>
      {app.description ? (
        <p className="app-tile__description" lang={lang}>
          {app.description}
        </p>
      ) : null}
      {app.featured || app.stepUp ? (
        <p className="app-tile__tags">
          {app.featured ? <span className="app-tile__tag">{text.tile.featured}</span> : null}
          {app.stepUp ? <span className="app-tile__tag app-tile__tag--step-up">{text.tile.stepUp}</span> : null}
        </p>
      ) : null}
      {children ? <div className="app-tile__actions">{children}</div> : null}
    </li>
  );
}
