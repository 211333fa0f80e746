import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../api/api-client.ts';
import type { PendingTelework } from './TeamTeleworkSection.tsx';

type Props = { request: PendingTelework; name: string; today: string; onClose(): void; onRefused(): Promise<void> };

// A telework refusal follows an interview (décret 2016-151, art. 5): its date and who attended are recorded
// with the reasons, and the agent reads all three.
export function RefusalDialog({ request, name, today, onClose, onRefused }: Props) {
  const { requests, t, locale } = useI18n();
  const text = requests.telework.team;
  const [heldOn, setHeldOn] = useState(today);
  const [attendees, setAttendees] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  function validate(): boolean {
    const found = { interviewHeldOn: heldOn ? undefined : t.common.required, attendees: attendees.trim().length >= 3 ? undefined : t.common.required };
    setErrors(found);
    return !found.interviewHeldOn && !found.attendees;
  }

  return (
    <FormDialog
      title={text.refuseTitle(name)}
      confirmLabel={text.confirmRefusal}
      tone="danger"
      reason={{ minLength: 5, label: text.reason, description: text.reasonHint }}
      validate={validate}
      onClose={onClose}
      onSubmit={async (reason) => {
        try {
          await api.post(`/api/telework/requests/${request.id}/refusal`, { reason, interviewHeldOn: heldOn, attendees: attendees.trim() });
        } catch (caught) {
          setErrors(problemFieldErrors(caught, locale, t, requests.telework.errorRules));
          throw caught;
        }
        await onRefused();
      }}
    >
      <p>{text.refuseIntro}</p>
      <p lang="fr">{request.summary}</p>
      <TextInput
        label={text.interviewHeldOn}
        description={text.interviewHint}
        type="date"
        value={heldOn}
        onChange={(value) => {
          setHeldOn(value);
          setErrors((previous) => ({ ...previous, interviewHeldOn: undefined }));
        }}
        error={errors.interviewHeldOn}
        isRequired
        autoFocus
      />
      <TextInput
        label={text.attendees}
        description={text.attendeesHint}
        value={attendees}
        onChange={(value) => {
          setAttendees(value);
          setErrors((previous) => ({ ...previous, attendees: undefined }));
        }}
        error={errors.attendees}
        maxLength={500}
        isRequired
      />
    </FormDialog>
  );
}
