import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Dictionary } from '../../i18n/fr.ts';

export type ServiceKey = Exclude<keyof Dictionary['home']['services'], 'title' | 'intro'>;

// The order agents look for them in, most asked first.
const services: ServiceKey[] = [
  'payslips',
  'certificates',
  'leave',
  'telework',
  'mobility',
  'training',
  'personalFile',
  'webmail',
  'internalApps',
  'itSupport',
];

/** Every service, or only those given (the ones not yet on the portal, for a signed-in agent). */
export function ServiceList({ intro, only = services }: { intro: string; only?: readonly ServiceKey[] }) {
  const { t } = useI18n();
  const text = t.home.services;

  return (
    <section>
      <h2>{text.title}</h2>
      <p>{intro}</p>
      <ul className="service-list">
        {only.map((key) => (
          <li key={key} className="service-list__item">
            <h3 className="service-list__title">{text[key].title}</h3>
            <p className="service-list__text">{text[key].text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
