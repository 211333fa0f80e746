import { useState } from 'react';
import type { CourseDetail, NewCourseBody } from '../../../server/modules/training/training.schema.ts';
import { api } from '../../api/api-client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatOptions, themeOptions } from './training-format.ts';

type Values = { title: string; theme: string; format: string; hours: string; audience: string; description: string };
const empty: Values = { title: '', theme: '', format: '', hours: '', audience: '', description: '' };

/** "7" or "1,5" hours in minutes; null when it is not a duration between 15 minutes and 500 hours. */
export function minutesOf(hours: string): number | null {
  const value = Number(hours.trim().replace(',', '.'));
  if (!hours.trim() || !Number.isFinite(value)) return null;
  const minutes = Math.round(value * 60);
  return minutes >= 15 && minutes <= 30_000 ? minutes : null;
}

// A new course of the catalogue: what agents will read before asking to register.
export function CourseDialog({ onCreated, onClose }: { onCreated(course: CourseDetail): void; onClose(): void }) {
  const { requests, t, locale } = useI18n();
  const text = requests.training;
  const form = text.hr.courseForm;
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof Values) => (value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  function validate(): boolean {
    const required = (value: string) => (value.trim() ? undefined : form.errors.required);
    const next: FieldErrors = {
      title: required(values.title),
      theme: values.theme ? undefined : form.errors.choose,
      format: values.format ? undefined : form.errors.choose,
      hours: minutesOf(values.hours) === null ? form.errors.hours : undefined,
      audience: required(values.audience),
      description: required(values.description),
    };
    setErrors(next);
    return Object.values(next).every((message) => !message);
  }

  async function submit() {
    const body: NewCourseBody = {
      title: values.title.trim(),
      theme: values.theme as NewCourseBody['theme'],
      format: values.format as NewCourseBody['format'],
      durationMinutes: minutesOf(values.hours) ?? 0,
      audience: values.audience.trim(),
      description: values.description.trim(),
    };
    try {
      onCreated(await api.post<CourseDetail>('/api/hr/training/courses', body));
    } catch (error) {
      const { durationMinutes, ...fields } = problemFieldErrors(error, locale, t);
      setErrors({ ...fields, hours: durationMinutes });
      throw error;
    }
  }

  return (
    <FormDialog title={form.title} confirmLabel={form.create} reason={false} validate={validate} onSubmit={submit} onClose={onClose}>
      <TextInput label={form.name} value={values.title} onChange={set('title')} error={errors.title} isRequired maxLength={200} autoFocus />
      <div className="form-grid">
        <NativeSelect label={form.theme} value={values.theme} emptyLabel="—" options={themeOptions(text)} onChange={set('theme')} error={errors.theme} isRequired />
        <NativeSelect label={form.format} value={values.format} emptyLabel="—" options={formatOptions(text)} onChange={set('format')} error={errors.format} isRequired />
        <TextInput label={form.hours} description={form.hoursHint} value={values.hours} onChange={set('hours')} error={errors.hours} isRequired inputMode="decimal" />
      </div>
      <TextInput label={form.audience} value={values.audience} onChange={set('audience')} error={errors.audience} isRequired maxLength={300} />
      <TextAreaInput label={form.description} description={form.descriptionHint} value={values.description} onChange={set('description')} error={errors.description} isRequired rows={6} maxLength={4000} />
    </FormDialog>
  );
}
