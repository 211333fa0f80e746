import { type FormEvent, useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import type { AnnouncementKind, PublishedAnnouncement } from '../../../server/modules/announcements/announcements.schema.ts';
import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { api } from '../../api/api-client.ts';
import { useJson } from '../../api/use-json.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { fromLocalInput, toLocalInput } from './announcement-dates.ts';

const kinds: AnnouncementKind[] = ['maintenance', 'incident', 'information'];

type Values = { kind: AnnouncementKind; title: string; body: string; startsAt: string; endsAt: string; audience: 'everyone' | 'departments'; departmentCodes: string[] };

function initialValues(editing: PublishedAnnouncement | undefined): Values {
  if (!editing) return { kind: 'information', title: '', body: '', startsAt: toLocalInput(new Date().toISOString()), endsAt: '', audience: 'everyone', departmentCodes: [] };
  return {
    kind: editing.kind,
    title: editing.title,
    body: editing.body,
    startsAt: toLocalInput(editing.startsAt),
    endsAt: editing.endsAt ? toLocalInput(editing.endsAt) : '',
    audience: editing.departments.length > 0 ? 'departments' : 'everyone',
    departmentCodes: editing.departments.map((department) => department.code),
  };
}

// Publishes a new announcement, or changes the one being edited; the page says what happened.
export function AnnouncementForm({ editing, onSaved, onCancel }: { editing?: PublishedAnnouncement; onSaved(created: boolean): void; onCancel(): void }) {
  const text = useAnnouncementsText().admin;
  const all = useAnnouncementsText();
  const { t, locale } = useI18n();
  const departments = useJson<DepartmentListResponse>('/api/departments');
  const [values, setValues] = useState<Values>(() => initialValues(editing));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    clear(key);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = check({
      title: values.title.trim() ? undefined : text.required,
      startsAt: values.startsAt ? undefined : text.required,
      departmentCodes: values.audience === 'departments' && values.departmentCodes.length === 0 ? text.pickDepartment : undefined,
    });
    if (!valid) return;
    setPending(true);
    setError(undefined);
    const body = {
      kind: values.kind,
      title: values.title,
      body: values.body,
      startsAt: fromLocalInput(values.startsAt),
      endsAt: values.endsAt ? fromLocalInput(values.endsAt) : null,
      departmentCodes: values.audience === 'departments' ? values.departmentCodes : [],
    };
    try {
      if (editing) await api.put(`/api/support/announcements/${editing.id}`, body);
      else await api.post('/api/support/announcements', body);
      onSaved(!editing);
    } catch (caught) {
      setError(caught);
      check(problemFieldErrors(caught, locale, t));
      setPending(false);
    }
  }

  return (
    <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria" aria-labelledby="announcement-form-title">
      <h2 id="announcement-form-title" className="form-card__title" tabIndex={-1}>{editing ? text.editTitle(editing.title) : text.newTitle}</h2>
      {error ? <ProblemAlert error={error} title={text.failed} /> : null}
      <NativeSelect
        label={text.kind}
        description={text.kindHint}
        value={values.kind}
        options={kinds.map((kind) => ({ value: kind, label: all.kinds[kind] }))}
        onChange={(kind) => set('kind', kind as AnnouncementKind)}
        isRequired
      />
      <TextInput label={text.titleField} value={values.title} onChange={(value) => set('title', value)} error={errors.title} maxLength={150} isRequired />
      <TextAreaInput label={text.body} description={text.bodyHint} value={values.body} onChange={(value) => set('body', value)} error={errors.body} rows={4} maxLength={2000} />
      <TextInput label={text.startsAt} type="datetime-local" value={values.startsAt} onChange={(value) => set('startsAt', value)} error={errors.startsAt} isRequired />
      <TextInput label={text.endsAt} description={text.endsAtHint} type="datetime-local" value={values.endsAt} onChange={(value) => set('endsAt', value)} error={errors.endsAt} />
      <RadioGroup className="choice" value={values.audience} onChange={(audience) => set('audience', audience as Values['audience'])}>
        <Label className="choice__label">{text.audience}</Label>
        <Radio value="everyone" className="choice__option">
          <span className="choice__name">{text.everyone}</span>
        </Radio>
        <Radio value="departments" className="choice__option">
          <span className="choice__name">{text.someDepartments}</span>
        </Radio>
      </RadioGroup>
      {values.audience === 'departments' && departments.status === 'ready' ? (
        <CheckboxGroup value={values.departmentCodes} onChange={(codes) => set('departmentCodes', codes)} isInvalid={Boolean(errors.departmentCodes)} className="field">
          <Label className="field__label">{text.departments}</Label>
          {departments.data.items.map((department) => (
            <Checkbox key={department.code} value={department.code} className="checkbox">
              <span className="checkbox__box" aria-hidden="true" />
              <span>
                {department.code} — <span lang="fr">{department.name}</span>
              </span>
            </Checkbox>
          ))}
          <FieldError className="field__error">{errors.departmentCodes}</FieldError>
        </CheckboxGroup>
      ) : null}
      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {editing ? text.save : text.publish}
        </PendingButton>
        {editing ? (
          <PendingButton className="button button--secondary" onPress={onCancel}>
            {text.cancel}
          </PendingButton>
        ) : null}
      </div>
    </Form>
  );
}
