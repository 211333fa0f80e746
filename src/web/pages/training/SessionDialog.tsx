import { useState } from 'react';
import type { CourseDetail, CourseSummary, NewSessionBody } from '../../../server/modules/training/training.schema.ts';
import { api } from '../../api/api-client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Values = { startsOn: string; endsOn: string; place: string; capacity: string };

// A session of a course: its days, where, and for how many (an e-learning module has no limit).
export function SessionDialog({ course, onCreated, onClose }: { course: Pick<CourseSummary, 'id' | 'title' | 'format'>; onCreated(course: CourseDetail, body: NewSessionBody): void; onClose(): void }) {
  const { requests, t, locale } = useI18n();
  const form = requests.training.hr.sessionForm;
  const limited = course.format !== 'e_learning';
  const [values, setValues] = useState<Values>({ startsOn: '', endsOn: '', place: '', capacity: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof Values) => (value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  function validate(): boolean {
    const required = (value: string) => (value.trim() ? undefined : form.errors.required);
    const capacity = Number(values.capacity);
    const next: FieldErrors = {
      startsOn: required(values.startsOn),
      endsOn: required(values.endsOn) ?? (values.startsOn && values.endsOn < values.startsOn ? form.errors.order : undefined),
      place: required(values.place),
      capacity: limited && !(/^\d+$/.test(values.capacity.trim()) && capacity >= 1 && capacity <= 1000) ? form.errors.capacity : undefined,
    };
    setErrors(next);
    return Object.values(next).every((message) => !message);
  }

  async function submit() {
    const body: NewSessionBody = { startsOn: values.startsOn, endsOn: values.endsOn, place: values.place.trim(), ...(limited ? { capacity: Number(values.capacity) } : {}) };
    try {
      onCreated(await api.post<CourseDetail>(`/api/hr/training/courses/${encodeURIComponent(course.id)}/sessions`, body), body);
    } catch (error) {
      setErrors(problemFieldErrors(error, locale, t));
      throw error;
    }
  }

  return (
    <FormDialog title={form.title(course.title)} confirmLabel={form.create} reason={false} validate={validate} onSubmit={submit} onClose={onClose}>
      <div className="form-grid">
        <TextInput label={form.startsOn} type="date" value={values.startsOn} onChange={set('startsOn')} error={errors.startsOn} isRequired autoFocus />
        <TextInput label={form.endsOn} description={form.endsOnHint} type="date" value={values.endsOn} onChange={set('endsOn')} error={errors.endsOn} isRequired />
      </div>
      <TextInput label={form.place} description={form.placeHint} value={values.place} onChange={set('place')} error={errors.place} isRequired maxLength={200} />
      {limited ? (
        <TextInput label={form.capacity} value={values.capacity} onChange={set('capacity')} error={errors.capacity} isRequired inputMode="numeric" className="field--short" />
      ) : (
        <p>{form.noCapacity}</p>
      )}
    </FormDialog>
  );
}
