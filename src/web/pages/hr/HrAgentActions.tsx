import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentDetail, HrReferenceResponse, MobilityResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { saveFile } from '../../components/download.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { parisToday } from './agent-form-values.ts';

type Agent = z.infer<typeof AgentDetail>;
type Reference = z.infer<typeof HrReferenceResponse>;
type Dialog = 'letter' | 'suspend' | 'reactivate' | 'departure' | 'cancelDeparture' | 'mobility' | 'cancelMobility';

// HR's reason must be 3 characters at least (accounts.schema.ts).
const hrReason = { minLength: 3 };

// The lifecycle of the account: each action is a button, then a dialog that says what will happen and asks why.
export function HrAgentActions({ agent, onDone, onLeft }: { agent: Agent; onDone(message: string): Promise<void>; onLeft(message: string): void }) {
  const { admin } = useI18n();
  const text = admin.hr.actions;
  const [open, setOpen] = useState<Dialog>();
  const url = (path: string) => `/api/hr/agents/${encodeURIComponent(agent.id)}/${path}`;
  const name = `${agent.firstName} ${agent.lastName}`;
  const close = () => setOpen(undefined);
  const finish = async (message: string) => {
    close();
    await onDone(message);
  };

  if (agent.status === 'departed') return null;
  const buttons: Array<{ dialog: Dialog; label: string; danger?: boolean }> = [
    { dialog: 'letter', label: text.letter },
    agent.status === 'suspended' ? { dialog: 'reactivate', label: text.reactivate } : { dialog: 'suspend', label: text.suspend, danger: true },
    agent.departureDate ? { dialog: 'cancelDeparture', label: text.cancelDeparture } : { dialog: 'departure', label: text.departure, danger: true },
    agent.scheduledMobility ? { dialog: 'cancelMobility', label: text.cancelMobility } : { dialog: 'mobility', label: text.mobility },
  ];

  return (
    <section aria-labelledby="actions-title" className="staff-section">
      <h2 id="actions-title">{text.title}</h2>
      <ul className="action-list">
        {buttons.map((button) => (
          <li key={button.dialog}>
            <Button className={`button ${button.danger ? 'button--danger-outline' : 'button--secondary'}`} onPress={() => setOpen(button.dialog)}>
              {button.label}
            </Button>
            <p className="action-list__hint">{text.hints[button.dialog]}</p>
          </li>
        ))}
      </ul>

      {open === 'letter' ? (
        <FormDialog
          title={text.letterTitle(name)}
          confirmLabel={text.letterConfirm}
          reason={{ ...hrReason, optional: true }}
          onClose={close}
          onSubmit={async (reason) => {
            const file = await api.postForFile(url('welcome-letter'), reason ? { reason } : {});
            saveFile(file, `lettre-accueil-${agent.badgeNumber}.pdf`);
            await finish(text.letterDone);
          }}
        >
          <p>{text.letterText}</p>
        </FormDialog>
      ) : null}
      {open === 'suspend' ? (
        <FormDialog
          title={text.suspendTitle(name)}
          confirmLabel={text.suspendConfirm}
          tone="danger"
          reason={hrReason}
          onClose={close}
          onSubmit={async (reason) => {
            await api.post(url('suspension'), { reason });
            await finish(text.suspendDone);
          }}
        >
          <p>{text.suspendText}</p>
        </FormDialog>
      ) : null}
      {open === 'reactivate' ? (
        <FormDialog
          title={text.reactivateTitle(name)}
          confirmLabel={text.reactivateConfirm}
          reason={hrReason}
          onClose={close}
          onSubmit={async (reason) => {
            await api.post(url('reactivation'), { reason });
            await finish(text.reactivateDone);
          }}
        >
          <p>{text.reactivateText}</p>
        </FormDialog>
      ) : null}
      {open === 'departure' ? <DepartureDialog name={name} onClose={close} onSubmit={async (body) => {
        await api.post(url('departure'), body);
        await finish(body.date <= parisToday() ? text.departureDoneNow : text.departureDoneLater);
      }} /> : null}
      {open === 'cancelDeparture' ? (
        <FormDialog
          title={text.cancelDepartureTitle(name)}
          confirmLabel={text.cancelDepartureConfirm}
          reason={hrReason}
          onClose={close}
          onSubmit={async (reason) => {
            await api.post(url('departure/cancel'), { reason });
            await finish(text.cancelDepartureDone);
          }}
        >
          <p>{text.cancelDepartureText}</p>
        </FormDialog>
      ) : null}
      {open === 'mobility' ? (
        <MobilityDialog
          agent={agent}
          onClose={close}
          onSubmit={async (body) => {
            const result = await api.post<z.infer<typeof MobilityResponse>>(url('mobility'), body);
            // Moved out of the reader's perimeter: the record is no longer theirs to see.
            if (!result.agent) {
              close();
              onLeft(text.mobilityLeft(result.departmentCode));
              return;
            }
            await finish(result.applied ? text.mobilityDoneNow(result.departmentCode) : text.mobilityDoneLater(result.departmentCode));
          }}
        />
      ) : null}
      {open === 'cancelMobility' ? (
        <FormDialog
          title={text.cancelMobilityTitle(name)}
          confirmLabel={text.cancelMobilityConfirm}
          reason={hrReason}
          onClose={close}
          onSubmit={async (reason) => {
            await api.post(url('mobility/cancel'), { reason });
            await finish(text.cancelMobilityDone);
          }}
        >
          <p>{text.cancelMobilityText}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}

function DepartureDialog({ name, onClose, onSubmit }: { name: string; onClose(): void; onSubmit(body: { date: string; reason: string }): Promise<void> }) {
  const { admin } = useI18n();
  const text = admin.hr.actions;
  const [date, setDate] = useState(parisToday());
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      title={text.departureTitle(name)}
      confirmLabel={text.departureConfirm}
      tone="danger"
      reason={hrReason}
      onClose={onClose}
      validate={() => {
        const problem = /^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : admin.hr.form.errors.date;
        setError(problem);
        return !problem;
      }}
      onSubmit={(reason) => onSubmit({ date, reason })}
    >
      <p>{text.departureText}</p>
      <TextInput
        label={text.departureDate}
        description={text.departureDateHint}
        type="date"
        value={date}
        onChange={(value) => {
          setDate(value);
          setError(undefined);
        }}
        error={error}
        isRequired
        className="field--medium"
      />
    </FormDialog>
  );
}

type MobilityBody = { departmentCode: string; serviceCode?: string; managerBadgeNumber?: string; effectiveDate?: string; reason: string };

function MobilityDialog({ agent, onClose, onSubmit }: { agent: Agent; onClose(): void; onSubmit(body: MobilityBody): Promise<void> }) {
  const { admin } = useI18n();
  const text = admin.hr.actions;
  const { resource } = useApi<Reference>('/api/hr/reference');
  const [departmentCode, setDepartmentCode] = useState('');
  const [serviceCode, setServiceCode] = useState('');
  const [manager, setManager] = useState('');
  const [date, setDate] = useState(parisToday());
  const [errors, setErrors] = useState<{ department?: string; manager?: string; date?: string }>({});
  const departments = resource.status === 'ready' ? resource.data.departments.filter((d) => d.code !== agent.department.code) : [];
  const department = departments.find((d) => d.code === departmentCode);

  return (
    <FormDialog
      title={text.mobilityTitle(`${agent.firstName} ${agent.lastName}`)}
      confirmLabel={text.mobilityConfirm}
      reason={hrReason}
      onClose={onClose}
      validate={() => {
        const next = {
          department: departmentCode ? undefined : admin.hr.form.errors.required,
          manager: !manager.trim() || /^\d{7}$/.test(manager.trim()) ? undefined : admin.hr.form.errors.badge,
          date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : admin.hr.form.errors.date,
        };
        setErrors(next);
        return !next.department && !next.manager && !next.date;
      }}
      onSubmit={(reason) =>
        onSubmit({
          departmentCode,
          serviceCode: serviceCode || undefined,
          managerBadgeNumber: manager.trim() || undefined,
          effectiveDate: date,
          reason,
        })
      }
    >
      <p>{text.mobilityText}</p>
      <NativeSelect
        label={text.mobilityDepartment}
        value={departmentCode}
        emptyLabel={admin.hr.form.choose}
        options={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
        onChange={(value) => {
          setDepartmentCode(value);
          setServiceCode('');
          setErrors((previous) => ({ ...previous, department: undefined }));
        }}
        error={errors.department}
        isRequired
      />
      <NativeSelect
        label={`${admin.hr.form.service} ${admin.common.optionalMark}`}
        value={serviceCode}
        emptyLabel={department ? admin.hr.form.none : admin.hr.form.chooseDepartmentFirst}
        options={(department?.services ?? []).map((s) => ({ value: s.code, label: s.name }))}
        onChange={setServiceCode}
        isDisabled={!department}
      />
      <TextInput
        label={`${admin.hr.form.manager} ${admin.common.optionalMark}`}
        description={text.mobilityManagerHint}
        value={manager}
        onChange={(value) => {
          setManager(value);
          setErrors((previous) => ({ ...previous, manager: undefined }));
        }}
        error={errors.manager}
        className="field--medium"
      />
      <TextInput
        label={text.mobilityDate}
        description={text.mobilityDateHint}
        type="date"
        value={date}
        onChange={(value) => {
          setDate(value);
          setErrors((previous) => ({ ...previous, date: undefined }));
        }}
        error={errors.date}
        isRequired
        className="field--medium"
      />
    </FormDialog>
  );
}
