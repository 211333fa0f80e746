import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Dictionary } from '../../i18n/fr.ts';

type ServiceKey = Exclude<keyof Dictionary['home']['services'], 'title' | 'intro'>;

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

export function ServiceList({ intro }: { intro: string }) {
  const { t } = useI18n();
  const text = t.home.services;

  return (
    <section>
      <h2>{text.title}</h2>
      <p>{intro}</p>
      <ul className="service-list">
        {services.map((key) => (
          <li key={key} className="service-list__item">
            <h3 className="service-list__title">{text[key].title}</h3>
            <p className="service-list__text">{text[key].text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
