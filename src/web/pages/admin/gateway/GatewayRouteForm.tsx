import { type FormEvent, useRef, useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { applicationCategories } from '../../../../server/modules/applications/application-categories.ts';
import type { ApplicationChoices } from '../../../../server/modules/applications/applications.schema.ts';
import type { GatewayRoute, SigningSecretResponse } from '../../../../server/modules/gateway/gateway.schema.ts';
import { api } from '../../../api/api-client.ts';
import { NativeSelect } from '../../../components/NativeSelect.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../../components/problem-fields.ts';
import { TextAreaInput } from '../../../components/TextAreaInput.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useApplicationsText } from '../../applications/applications-text.ts';
import { AccessRuleFields } from '../applications/AccessRuleFields.tsx';
import { bodyOf, byFormField, fieldProblems, type GatewayField, type GatewayFormValues, newGatewayRoute, valuesOf } from './gateway-form-values.ts';
import { useGatewayText } from './gateway-text.ts';

type GatewayRouteFormProps = {
  /** Absent: a new publication. */
  route?: GatewayRoute;
  choices: ApplicationChoices;
  onSaved(saved: { route: GatewayRoute; signingSecret?: string }, mode: 'create' | 'edit'): Promise<void>;
  onCancel(): void;
};

// An internal app: where the gateway reaches it, who may open it and how (the registry's own rule fields),
// and its bounds. Errors appear on their fields and in a summary.
export function GatewayRouteForm({ route, choices, onSaved, onCancel }: GatewayRouteFormProps) {
  const { t, locale } = useI18n();
  const text = useGatewayText().admin;
  const registry = useApplicationsText();
  const fields = text.fields;
  const mode = route ? 'edit' : 'create';
  const [values, setValues] = useState<GatewayFormValues>(route ? valuesOf(route) : newGatewayRoute);
  const [errors, setErrors] = useState<Partial<Record<GatewayField, string>>>({});
  const [problem, setProblem] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  function set<K extends GatewayField>(field: K, value: GatewayFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(undefined);
    const problems = fieldProblems(values, mode);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map(([field, kind]) => [field, kind === 'required' ? text.required : fields.number])));
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const body = bodyOf(values, mode);
      if (route) await onSaved({ route: await api.put<GatewayRoute>(`/api/admin/gateway-routes/${encodeURIComponent(route.id)}`, body) }, mode);
      else await onSaved(await api.post<SigningSecretResponse>('/api/admin/gateway-routes', body), mode);
    } catch (caught) {
      setProblem(caught);
      setErrors(byFormField(problemFieldErrors(caught, locale, t)));
      window.requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setPending(false);
    }
  }

  const optional = (label: string) => `${label} ${text.optional}`;
  const number = (field: 'connectTimeout' | 'totalTimeout' | 'maxRequest' | 'maxResponse', label: string, description?: string) => (
    <TextInput label={label} description={description} value={values[field]} onChange={(v) => set(field, v)} error={errors[field]} isRequired inputMode="decimal" autoComplete="off" className="field--short" />
  );

  return (
    <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card" aria-labelledby="gateway-form-title">
      <h2 id="gateway-form-title" className="form-card__title" tabIndex={-1}>
        {route ? text.editTitle(route.name) : text.createTitle}
      </h2>
      <div ref={summaryRef} tabIndex={-1} className="focus-target">
        {problem ? <ProblemAlert error={problem} title={text.failed} /> : null}
      </div>
      {route ? null : (
        <TextInput
          label={fields.slug}
          description={fields.slugHint(`/apps/${values.slug.trim() || 'astreintes'}/`)}
          value={values.slug}
          onChange={(v) => set('slug', v)}
          error={errors.slug}
          isRequired
          maxLength={63}
          autoComplete="off"
          inputProps={{ spellCheck: false, autoCapitalize: 'none' }}
        />
      )}
      <TextInput label={fields.name} value={values.name} onChange={(v) => set('name', v)} error={errors.name} isRequired maxLength={80} autoComplete="off" />
      <TextAreaInput label={optional(fields.description)} value={values.description} onChange={(v) => set('description', v)} error={errors.description} maxLength={300} rows={2} />
      <NativeSelect
        label={fields.category}
        value={values.category}
        options={applicationCategories.map((category) => ({ value: category, label: registry.categories[category] }))}
        onChange={(v) => set('category', v as GatewayFormValues['category'])}
        error={errors.category}
        isRequired
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{fields.upstreamTitle}</legend>
        <TextInput
          label={fields.upstreamUrl}
          description={fields.upstreamUrlHint}
          type="url"
          value={values.upstreamUrl}
          onChange={(v) => set('upstreamUrl', v)}
          error={errors.upstreamUrl}
          isRequired
          maxLength={2000}
          autoComplete="off"
          inputProps={{ spellCheck: false, autoCapitalize: 'none' }}
        />
        <TextInput label={optional(fields.host)} description={fields.hostHint} value={values.host} onChange={(v) => set('host', v)} error={errors.host} maxLength={253} autoComplete="off" inputProps={{ spellCheck: false, autoCapitalize: 'none' }} />
      </fieldset>

      <AccessRuleFields values={values} choices={choices} errors={errors} onChange={set} />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{fields.limitsTitle}</legend>
        <div className="form-grid">
          {number('connectTimeout', fields.connectTimeout)}
          {number('totalTimeout', fields.totalTimeout, fields.totalTimeoutHint)}
          {number('maxRequest', fields.maxRequest)}
          {number('maxResponse', fields.maxResponse)}
        </div>
        <Checkbox className="checkbox" isSelected={values.websocket} onChange={(v) => set('websocket', v)}>
          <span className="checkbox__box" aria-hidden="true" />
          {fields.websocket}
        </Checkbox>
        <Checkbox className="checkbox" isSelected={values.passAuthorization} onChange={(v) => set('passAuthorization', v)}>
          <span className="checkbox__box" aria-hidden="true" />
          {fields.passAuthorization}
        </Checkbox>
      </fieldset>

      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {route ? text.save : text.create}
        </PendingButton>
        <Button className="button button--secondary" onPress={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </Form>
  );
}
