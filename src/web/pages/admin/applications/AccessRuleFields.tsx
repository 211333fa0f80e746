import type { AdminApplication, ApplicationChoices } from '../../../../server/modules/applications/applications.schema.ts';
import { NativeSelect } from '../../../components/NativeSelect.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useApplicationsText } from '../../applications/applications-text.ts';
import { RuleChoices } from './RuleChoices.tsx';

export type AccessRuleValues = Pick<AdminApplication, 'allowedDepartmentIds' | 'allowedJobProfileIds' | 'allowedRoles' | 'insideAccess' | 'outsideAccess'>;
type Level = AccessRuleValues['insideAccess'];

const levels = ['password', 'second_factor', 'deny'] as const;
const roles = ['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'] as const;

type AccessRuleFieldsProps = {
  values: AccessRuleValues;
  choices: ApplicationChoices;
  errors: Partial<Record<keyof AccessRuleValues, string>>;
  onChange<K extends keyof AccessRuleValues>(field: K, value: AccessRuleValues[K]): void;
};

// An application's access rule, one for every way in: who may open it, and how strongly signed in, from the
// city network and from outside. Shared by the registry's form and the gateway's.
export function AccessRuleFields({ values, choices, errors, onChange }: AccessRuleFieldsProps) {
  const { locale } = useI18n();
  const text = useApplicationsText().admin;
  const fields = text.fields;
  const recordsLang = locale === 'fr' ? undefined : 'fr';
  const levelOptions = levels.map((level) => ({ value: level, label: text.levels[level] }));
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{fields.whoTitle}</legend>
        <p className="field__description">{fields.whoHint}</p>
        <RuleChoices
          label={fields.departments}
          options={choices.departments.map((d) => ({ id: d.id, label: `${d.code} – ${d.name}`, lang: recordsLang }))}
          value={values.allowedDepartmentIds}
          onChange={(v) => onChange('allowedDepartmentIds', v)}
          error={errors.allowedDepartmentIds}
        />
        <RuleChoices
          label={fields.jobProfiles}
          options={choices.jobProfiles.map((p) => ({ id: p.id, label: p.name, lang: recordsLang }))}
          value={values.allowedJobProfileIds}
          onChange={(v) => onChange('allowedJobProfileIds', v)}
          error={errors.allowedJobProfileIds}
        />
        <RuleChoices label={fields.roles} options={roles.map((role) => ({ id: role, label: text.roleNames[role] }))} value={values.allowedRoles} onChange={(v) => onChange('allowedRoles', v)} error={errors.allowedRoles} />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{fields.howTitle}</legend>
        <div className="form-grid">
          <NativeSelect label={fields.insideAccess} value={values.insideAccess} options={levelOptions} onChange={(v) => onChange('insideAccess', v as Level)} error={errors.insideAccess} isRequired />
          <NativeSelect label={fields.outsideAccess} value={values.outsideAccess} options={levelOptions} onChange={(v) => onChange('outsideAccess', v as Level)} error={errors.outsideAccess} isRequired />
        </div>
      </fieldset>
    </>
  );
}
