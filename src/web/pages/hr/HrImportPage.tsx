import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading } from 'react-aria-components';
import type { ImportReportResponse } from '../../../server/modules/accounts/agent-import.schema.ts';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { ImportReport } from './ImportReport.tsx';

const maxBytes = 2 * 1024 * 1024;
const columns = [
  'matricule',
  'nom',
  'prenom',
  'email',
  'direction',
  'service',
  'profil',
  'grade',
  'intitule_poste',
  'matricule_manager',
  'date_arrivee',
  'date_depart',
] as const;
const requiredColumns = new Set(['matricule', 'nom', 'prenom', 'email', 'direction', 'profil', 'date_arrivee']);

type File = { name: string; csv: string };

// The HR information system's export: first a simulation that writes nothing and reports line by line,
// then, if no line is refused, the same file applied all at once.
export function HrImportPage() {
  const { admin } = useI18n();
  const text = admin.hr.import;
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<ImportReportResponse>();
  const [pending, setPending] = useState<'check' | 'apply'>();
  const [error, setError] = useState<unknown>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setReport(undefined);
    setError(undefined);
    setFile(undefined);
    if (!chosen) return;
    if (chosen.size > maxBytes) {
      setFileError(text.tooLarge);
      return;
    }
    setFileError(undefined);
    setFile({ name: chosen.name, csv: await chosen.text() });
  }

  async function send(dryRun: boolean) {
    if (!file) {
      setFileError(text.chooseFile);
      inputRef.current?.focus();
      return;
    }
    setPending(dryRun ? 'check' : 'apply');
    setError(undefined);
    try {
      setReport(await api.post<ImportReportResponse>('/api/hr/imports', { csv: file.csv, dryRun, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(undefined);
      window.requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(true);
  }

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <Form onSubmit={check} validationBehavior="aria" className="import-form">
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {text.file}
          </label>
          <span id={`${inputId}-hint`} className="field__description">
            {text.fileHint}
          </span>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            aria-describedby={`${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => void choose(event)}
          />
          {fileError ? (
            <span id={`${inputId}-error`} className="field__error">
              {fileError}
            </span>
          ) : null}
        </div>
        <Disclosure className="disclosure">
          <Heading level={2} className="disclosure__heading">
            <Button slot="trigger" className="disclosure__trigger">
              {text.columnsTitle}
            </Button>
          </Heading>
          <DisclosurePanel className="disclosure__panel">
            <p>{text.columnsIntro}</p>
            <ul className="column-list">
              {columns.map((column) => (
                <li key={column}>
                  <code>{column}</code> {requiredColumns.has(column) ? <strong>{text.required}</strong> : null} – {text.columns[column]}
                </li>
              ))}
            </ul>
            <p>{text.columnsRules}</p>
          </DisclosurePanel>
        </Disclosure>
        <TextAreaInput
          label={admin.common.reasonOptional}
          description={text.reasonHint}
          value={reason}
          onChange={setReason}
          maxLength={500}
          rows={2}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending === 'check'}>
            {text.check}
          </PendingButton>
        </div>
      </Form>

      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {error ? <ProblemAlert error={error} title={text.failed} /> : null}
        {report ? <Outcome report={report} fileName={file?.name ?? ''} /> : null}
      </div>
      {report && report.dryRun && report.summary.refused === 0 && report.summary.create + report.summary.update > 0 ? (
        <div className="form-actions">
          <PendingButton className="button button--primary" pending={pending === 'apply'} onPress={() => void send(false)}>
            {text.apply(report.summary.create + report.summary.update)}
          </PendingButton>
        </div>
      ) : null}
      {report ? <ImportReport report={report} /> : null}
    </StaffLayout>
  );
}

function Outcome({ report, fileName }: { report: ImportReportResponse; fileName: string }) {
  const { admin } = useI18n();
  const text = admin.hr.import;
  const { summary } = report;
  const counts = text.summary(summary.lines, summary.create, summary.update, summary.unchanged, summary.refused);
  if (report.applied) {
    return (
      <Alert tone="success" title={text.appliedTitle}>
        <p>{counts}</p>
      </Alert>
    );
  }
  if (summary.refused > 0) {
    return (
      <Alert tone="error" title={text.refusedTitle(summary.refused)}>
        <p>{counts}</p>
        <p>{text.refusedText}</p>
      </Alert>
    );
  }
  if (summary.create + summary.update === 0) {
    return (
      <Alert tone="info" title={text.nothingTitle(fileName)}>
        <p>{counts}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={text.readyTitle(fileName)}>
      <p>{counts}</p>
      <p>{text.readyText}</p>
    </Alert>
  );
}
