import { useEffect, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { z } from 'zod';
import type { EmailPreference, NotificationPreferences } from '../../../server/modules/notifications/notifications.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Preference = z.infer<typeof EmailPreference>;
type Preferences = z.infer<typeof NotificationPreferences>;
// Not EmailPreference.options: a zod schema value in the page would try eval(), which the CSP refuses.
const preferences: readonly Preference[] = ['immediate', 'daily_digest', 'never'];

// How notifications also reach the agent by e-mail. Each choice is saved as soon as it is made and said
// politely: the focus stays on the choice, so arrowing through the options never loses the place.
export function EmailPreferenceChoice() {
  const { requests } = useI18n();
  const text = requests.common.notifications;
  const { resource } = useApi<Preferences>('/api/me/notification-preferences');
  const [value, setValue] = useState<Preference>();
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (resource.status === 'ready') setValue(resource.data.email);
  }, [resource]);

  async function choose(next: Preference) {
    const before = value;
    setValue(next);
    setError(undefined);
    setSaved('');
    try {
      await api.put<Preferences>('/api/me/notification-preferences', { email: next });
      setSaved(text.preferenceSaved(text.preferences[next].name));
    } catch (caught) {
      setValue(before);
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="email-preference-title" className="staff-section">
      <h2 id="email-preference-title">{text.preferenceTitle}</h2>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {value ? (
        <RadioGroup className="choice" value={value} onChange={(next) => void choose(next as Preference)}>
          <Label className="choice__label">{text.preferenceLabel}</Label>
          {preferences.map((option) => (
            <Radio key={option} value={option} className="choice__option">
              <span className="choice__name">{text.preferences[option].name}</span>
              <span className="choice__hint">{text.preferences[option].hint}</span>
            </Radio>
          ))}
        </RadioGroup>
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      <p role="status" className="inline-status">
        {saved}
      </p>
    </section>
  );
}
