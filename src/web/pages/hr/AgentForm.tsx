import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { HrReferenceResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { usePortal } from '../../api/PortalProvider.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type AgentField, type AgentFormValues, missingOrMalformed } from './agent-form-values.ts';

type Reference = z.infer<typeof HrReferenceResponse>;

type AgentFormProps = {
  mode: 'create' | 'edit';
  reference: Reference;
  initial: AgentFormValues;
  /** An agent who has not arrived yet: their start date may still move. */
  pendingAgent?: boolean;
  submitLabel: string;
  /** Sends the form; a thrown API error is shown on the fields it names and above the form. */
  onSubmit(values: AgentFormValues, reason: string): Promise<void>;
  onCancel?(): void;
};

// The agent's professional record, as HR fills it in: identity, assignment, job, arrival. Errors of the
// browser and of the server appear on their fields and in a summary that takes the focus.
export function AgentForm({ mode, reference, initial, pendingAgent = false, submitLabel, onSubmit, onCancel }: AgentFormProps) {
  const { t, admin, locale } = useI18n();
  const text = admin.hr.form;
  const portal = usePortal();
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const department = reference.departments.find((d) => d.code === values.departmentCode);
  const service = department?.services.find((s) => s.code === values.serviceCode);

  function set(field: AgentField, value: string) {
    setValues((previous) => {
      const next = { ...previous, [field]: value };
      if (field === 'departmentCode') Object.assign(next, { serviceCode: '', unitId: '' });
      if (field === 'serviceCode') next.unitId = '';
      return next;
    });
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = missingOrMalformed(values, mode);
    const messages = Object.fromEntries(Object.entries(found).map(([field, kind]) => [field, text.errors[kind]]));
    setErrors(messages);
    setProblem(undefined);
    if (Object.keys(messages).length > 0) {
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setPending(true);
    try {
      await onSubmit(values, reason);
    } catch (caught) {
      setProblem(caught);
      setErrors(problemFieldErrors(caught, locale, t, admin.hr.ruleTexts));
      window.requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setPending(false);
    }
  }

  const field = (name: AgentField, label: string, options: { description?: string; required?: boolean; type?: string; autoComplete?: string; short?: boolean } = {}) => (
    <TextInput
      label={options.required ? label : `${label} ${admin.common.optionalMark}`}
      description={options.description}
      type={options.type ?? 'text'}
      autoComplete={options.autoComplete ?? 'off'}
      value={values[name]}
      onChange={(value) => set(name, value)}
      error={errors[name]}
      isRequired={options.required}
      className={options.short ? 'field--medium' : undefined}
      inputProps={{ spellCheck: false }}
    />
  );
  const select = (name: AgentField, label: string, options: Array<{ value: string; label: string }>, extra: { required?: boolean; emptyLabel?: string; description?: string; disabled?: boolean } = {}) => (
    <NativeSelect
      label={extra.required ? label : `${label} ${admin.common.optionalMark}`}
      value={values[name]}
      options={options}
      emptyLabel={extra.emptyLabel ?? (extra.required ? text.choose : text.none)}
      description={extra.description}
      onChange={(value) => set(name, value)}
      error={errors[name]}
      isRequired={extra.required}
      isDisabled={extra.disabled}
    />
  );

  return (
    <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="agent-form">
      <p className="muted">{text.requiredNote}</p>
      <div ref={summaryRef} tabIndex={-1} className="focus-target">
        {problem ? <ProblemAlert error={problem} title={mode === 'create' ? text.createFailed : text.updateFailed} /> : null}
      </div>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{text.identity}</legend>
        <div className="form-grid">
          {field('lastName', text.lastName, { required: true })}
          {field('firstName', text.firstName, { required: true })}
          {mode === 'create' ? field('badgeNumber', text.badgeNumber, { required: true, description: text.badgeNumberHint, short: true }) : null}
          {field('email', text.email, { required: true, type: 'email', description: text.emailHint(portal.emailDomain) })}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{text.assignment}</legend>
        <div className="form-grid">
          {mode === 'create' ? (
            select(
              'departmentCode',
              text.department,
              reference.departments.filter((d) => d.manageable).map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })),
              { required: true },
            )
          ) : (
            <div className="field">
              <span className="field__label">{text.department}</span>
              <span className="read-only-value" lang="fr">
                {department ? `${department.code} – ${department.name}` : values.departmentCode}
              </span>
              <span className="field__description">{text.departmentByMobility}</span>
            </div>
          )}
          {select('serviceCode', text.service, (department?.services ?? []).map((s) => ({ value: s.code, label: s.name })), {
            disabled: !department,
          })}
          {select('unitId', text.unit, (service?.units ?? []).map((u) => ({ value: u.id, label: u.name })), {
            disabled: !service || service.units.length === 0,
            emptyLabel: service ? text.none : text.chooseServiceFirst,
          })}
          {select('siteId', text.site, reference.sites.map((s) => ({ value: s.id, label: `${s.name} (${s.city})` })))}
          {field('managerBadgeNumber', text.manager, { description: text.managerHint, short: true })}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{text.job}</legend>
        <div className="form-grid">
          {select('jobProfileCode', text.jobProfile, reference.jobProfiles.map((p) => ({ value: p.code, label: p.name })), {
            required: true,
            description: text.jobProfileHint,
          })}
          {select('gradeCode', text.grade, reference.grades.map((g) => ({ value: g.code, label: `${g.name} (${g.category})` })), {
            description: text.gradeHint,
          })}
          {mode === 'create' ? field('jobTitle', text.jobTitle, { description: text.jobTitleHint }) : field('jobTitle', text.jobTitle, { required: true })}
          {field('professionalPhone', text.phone, { type: 'tel', description: text.phoneHint })}
        </div>
      </fieldset>

      {mode === 'create' || pendingAgent ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{text.arrival}</legend>
          {field('startDate', text.startDate, { required: true, type: 'date', description: text.startDateHint, short: true })}
        </fieldset>
      ) : null}

      <TextAreaInput
        label={admin.common.reasonOptional}
        description={admin.common.reasonHint}
        value={reason}
        onChange={setReason}
        maxLength={500}
        rows={2}
      />

      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {submitLabel}
        </PendingButton>
        {onCancel ? (
          <Button className="button button--secondary" onPress={onCancel} isDisabled={pending}>
            {admin.common.cancel}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
