import { type FormEvent, useRef, useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { applicationCategories } from '../../../../server/modules/applications/application-categories.ts';
import type { AdminApplication, ApplicationChoices } from '../../../../server/modules/applications/applications.schema.ts';
import { api } from '../../../api/api-client.ts';
import { Fact, Facts } from '../../../components/Facts.tsx';
import { NativeSelect } from '../../../components/NativeSelect.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../../components/problem-fields.ts';
import { TextAreaInput } from '../../../components/TextAreaInput.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useApplicationsText } from '../../applications/applications-text.ts';
import { type ApplicationField, type ApplicationFormValues, bodyOf, byFormField, missingFields, newApplication, valuesOf } from './application-form-values.ts';
import { AccessRuleFields } from './AccessRuleFields.tsx';

type ApplicationFormProps = {
  /** Absent: a new link. */
  app?: AdminApplication;
  choices: ApplicationChoices;
  onSaved(app: AdminApplication, mode: 'create' | 'edit'): Promise<void>;
  onCancel(): void;
};

// An application's catalogue card and access rule. Errors of the browser and of the server appear on their
// fields, and in a summary that takes the focus.
export function ApplicationForm({ app, choices, onSaved, onCancel }: ApplicationFormProps) {
  const { t, locale } = useI18n();
  const text = useApplicationsText();
  const fields = text.admin.fields;
  const mode = app ? 'edit' : 'create';
  const [values, setValues] = useState<ApplicationFormValues>(app ? valuesOf(app) : newApplication);
  const [errors, setErrors] = useState<Partial<Record<ApplicationField, string>>>({});
  const [problem, setProblem] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const gateway = app?.kind === 'gateway';

  function set<K extends ApplicationField>(field: K, value: ApplicationFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = missingFields(values, mode);
    setProblem(undefined);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((field) => [field, text.admin.required])));
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const body = bodyOf(values, mode);
      const saved = app
        ? await api.put<AdminApplication>(`/api/admin/applications/${encodeURIComponent(app.slug)}`, body)
        : await api.post<AdminApplication>('/api/admin/applications', body);
      await onSaved(saved, mode);
    } catch (caught) {
      setProblem(caught);
      setErrors(byFormField(problemFieldErrors(caught, locale, t)));
      window.requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setPending(false);
    }
  }

  const optional = (label: string) => `${label} ${text.admin.optional}`;

  return (
    <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card" aria-labelledby="application-form-title">
      <h2 id="application-form-title" className="form-card__title" tabIndex={-1}>
        {app ? text.admin.editTitle(app.name) : text.admin.createTitle}
      </h2>
      <div ref={summaryRef} tabIndex={-1} className="focus-target">
        {problem ? <ProblemAlert error={problem} title={text.admin.failed} /> : null}
      </div>
      {app ? null : (
        <NativeSelect
          label={fields.kind}
          description={fields.kindHint}
          value={values.kind}
          options={(['link', 'oidc'] as const).map((kind) => ({ value: kind, label: text.admin.kinds[kind] }))}
          onChange={(v) => set('kind', v as ApplicationFormValues['kind'])}
          error={errors.kind}
          isRequired
        />
      )}
      {app ? null : (
        <TextInput label={fields.slug} description={fields.slugHint} value={values.slug} onChange={(v) => set('slug', v)} error={errors.slug} isRequired maxLength={63} autoComplete="off" inputProps={{ spellCheck: false, autoCapitalize: 'none' }} />
      )}
      <TextInput label={fields.name} value={values.name} onChange={(v) => set('name', v)} error={errors.name} isRequired maxLength={80} autoComplete="off" />
      <TextAreaInput label={optional(fields.description)} description={fields.descriptionHint} value={values.description} onChange={(v) => set('description', v)} error={errors.description} maxLength={300} rows={2} />
      <NativeSelect
        label={fields.category}
        value={values.category}
        emptyLabel="—"
        options={applicationCategories.map((category) => ({ value: category, label: text.categories[category] }))}
        onChange={(v) => set('category', v as ApplicationFormValues['category'])}
        error={errors.category}
        isRequired
      />
      {gateway ? (
        <Facts>
          <Fact label={fields.gatewayAddress}>
            <code>{values.launchUrl}</code>
            <span className="field__description">{fields.gatewayAddressHint}</span>
          </Fact>
        </Facts>
      ) : (
        <TextInput
          label={fields.launchUrl}
          description={fields.launchUrlHint}
          type="url"
          value={values.launchUrl}
          onChange={(v) => set('launchUrl', v)}
          error={errors.launchUrl}
          isRequired
          maxLength={2000}
          autoComplete="off"
          inputProps={{ spellCheck: false, autoCapitalize: 'none' }}
        />
      )}

      <AccessRuleFields values={values} choices={choices} errors={errors} onChange={set} />

      <NativeSelect
        label={optional(fields.featuredDepartment)}
        description={fields.featuredDepartmentHint}
        value={values.featuredDepartmentId}
        emptyLabel={fields.none}
        options={choices.departments.map((d) => ({ value: d.id, label: `${d.code} – ${d.name}` }))}
        onChange={(v) => set('featuredDepartmentId', v)}
        error={errors.featuredDepartmentId}
      />
      {app ? (
        <Checkbox className="checkbox" isSelected={values.enabled} onChange={(v) => set('enabled', v)}>
          <span className="checkbox__box" aria-hidden="true" />
          {fields.enabled}
        </Checkbox>
      ) : null}

      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {app ? text.admin.save : text.admin.create}
        </PendingButton>
        <Button className="button button--secondary" onPress={onCancel}>
          {text.admin.cancel}
        </Button>
      </div>
    </Form>
  );
}
