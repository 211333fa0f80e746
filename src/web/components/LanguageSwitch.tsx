import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isLocale, localeAutonyms, locales } from '../i18n/locales.ts';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();

  return (
    <ToggleButtonGroup
      aria-label={t.layout.languageSwitch}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[locale]}
      onSelectionChange={(keys) => {
        const [next] = keys;
        if (isLocale(next)) setLocale(next);
      }}
      className="language-switch"
    >
      {locales.map((option) => (
        <ToggleButton key={option} id={option} className="language-switch__option">
          <span lang={option}>{localeAutonyms[option]}</span>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
