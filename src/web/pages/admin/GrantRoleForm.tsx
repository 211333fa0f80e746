import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { api } from '../../api/api-client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const roles = ['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'] as const;
const everywhere = '*';

// A role on a perimeter: one department, or the whole city. Always with a reason, kept in the audit trail.
export function GrantRoleForm({ badge, departments, onGranted }: { badge: string; departments: DepartmentListResponse['items']; onGranted(role: string): Promise<void> }) {
  const { admin } = useI18n();
  const text = admin.administration.roles;
  const [role, setRole] = useState('');
  const [perimeter, setPerimeter] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ role?: string; perimeter?: string; reason?: string }>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const next = {
      role: role ? undefined : text.required,
      perimeter: perimeter ? undefined : text.required,
      reason: reason.trim().length >= 5 ? undefined : admin.common.reasonTooShort(5),
    };
    setErrors(next);
    if (next.role || next.perimeter || next.reason) {
      window.requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await api.post(`/api/admin/agents/${badge}/roles`, { role, reason: reason.trim(), ...(perimeter === everywhere ? {} : { departmentCode: perimeter }) });
      setRole('');
      setPerimeter('');
      setReason('');
      await onGranted(role);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <Form onSubmit={submit} validationBehavior="aria" className="form-card grant-form" aria-labelledby="grant-title">
      <h3 id="grant-title" className="form-card__title">
        {text.grantTitle}
      </h3>
      <div className="form-grid">
        <NativeSelect
          label={text.role}
          value={role}
          emptyLabel={admin.hr.form.choose}
          options={roles.map((value) => ({ value, label: text.roleNames[value] }))}
          onChange={(value) => {
            setRole(value);
            setErrors((previous) => ({ ...previous, role: undefined }));
          }}
          error={errors.role}
          isRequired
        />
        <NativeSelect
          label={text.perimeter}
          value={perimeter}
          emptyLabel={admin.hr.form.choose}
          description={text.perimeterHint}
          options={[{ value: everywhere, label: text.everywhere }, ...departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))]}
          onChange={(value) => {
            setPerimeter(value);
            setErrors((previous) => ({ ...previous, perimeter: undefined }));
          }}
          error={errors.perimeter}
          isRequired
        />
      </div>
      <TextAreaInput
        label={admin.common.reason}
        description={admin.common.reasonHint}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setErrors((previous) => ({ ...previous, reason: undefined }));
        }}
        error={errors.reason}
        isRequired
        maxLength={500}
        rows={2}
      />
      {error ? <ProblemAlert error={error} /> : null}
      <div className="form-actions">
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {text.grant}
        </PendingButton>
      </div>
    </Form>
  );
}
