import { type FormEvent, useId, useRef, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading } from 'react-aria-components';
import type { ImportPayrollReport } from '../../../server/modules/payslips/payslips.schema.ts';
import { api, isApiError } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { parisMonth } from '../../../server/modules/payslips/pay-months.ts';
import { type PayrollFileBody, payrollFileBody } from './payroll-file.ts';
import { isPayMonth, monthName } from './payslip-format.ts';

const maxBytes = 8 * 1024 * 1024;
const maxErrorsShown = 200;
const columns = ['matricule', 'indice_majore', 'points_nbi', 'enfants', 'quotite', 'zone_residence', 'ifse_mensuelle_centimes', 'taux_prelevement_pb'] as const;
const requiredColumns = new Set(['matricule', 'indice_majore']);

type Outcome = { report: ImportPayrollReport } | { error: unknown };

// The month's payroll file, imported all at once: the report says what changed, or which lines are wrong
// (nothing is then imported). Changing a published payslip needs a reason, asked only when the server says so.
export function PayrollImportForm({ onImported }: { onImported(): void }) {
  const { papers } = useI18n();
  const text = papers.payslips.payroll;
  const inputId = useId();
  const [month, setMonth] = useState(() => parisMonth(new Date()));
  const [monthError, setMonthError] = useState<string>();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [pending, setPending] = useState<'import' | 'rectify'>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  function choose(chosen: File | undefined) {
    setOutcome(undefined);
    setFile(undefined);
    setFileError(undefined);
    if (chosen && chosen.size > maxBytes) setFileError(text.tooLarge);
    else setFile(chosen);
  }

  function refuseFile(message: string) {
    setFileError(message);
    inputRef.current?.focus();
  }

  // Read at each import, so that a file corrected and chosen again is the one sent. A file changed on disk
  // since it was chosen cannot be read any more: it must be chosen again.
  async function bodyOf(): Promise<PayrollFileBody | undefined> {
    if (!isPayMonth(month)) {
      setMonthError(text.monthInvalid);
      return undefined;
    }
    if (!file) {
      refuseFile(text.chooseFile);
      return undefined;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      if (inputRef.current) inputRef.current.value = '';
      setFile(undefined);
      refuseFile(text.fileChanged);
      return undefined;
    }
    const read = payrollFileBody(file.name, content, month);
    if ('body' in read) return read.body;
    refuseFile('otherMonth' in read.problem ? text.otherMonth(read.problem.otherMonth) : text.unreadableJson);
    return undefined;
  }

  async function send(kind: 'import' | 'rectify') {
    const body = await bodyOf();
    if (!body) return;
    if (kind === 'rectify' && reason.trim().length < 5) {
      setReasonError(text.rectificationTooShort);
      return;
    }
    setPending(kind);
    try {
      const rectification = kind === 'rectify' ? { rectification: { reason: reason.trim() } } : {};
      setOutcome({ report: await api.post<ImportPayrollReport>('/api/hr/payroll/imports', { month, ...body, ...rectification }) });
      setReason('');
      onImported();
    } catch (caught) {
      setOutcome({ error: caught });
    } finally {
      setPending(undefined);
      window.requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send('import');
  }

  const error = outcome && 'error' in outcome ? outcome.error : undefined;
  const lineErrors = isApiError(error) && error.status === 422 ? (error.problem?.errors ?? []) : [];
  const needsReason = lineErrors.some((e) => e.rule === 'published');

  return (
    <section aria-labelledby="payroll-import-title" className="staff-section">
      <h2 id="payroll-import-title">{text.importTitle}</h2>
      <Form onSubmit={submit} validationBehavior="aria" className="import-form">
        <TextInput
          label={text.month}
          description={text.monthHint}
          value={month}
          onChange={(value) => {
            setMonth(value.trim());
            setMonthError(undefined);
            setOutcome(undefined);
          }}
          error={monthError}
          isRequired
          className="field--short"
          inputProps={{ size: 8 }}
        />
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
            accept=".csv,.json,text/csv,application/json"
            className="file-input"
            aria-describedby={`${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          {fileError ? (
            <span id={`${inputId}-error`} className="field__error">
              {fileError}
            </span>
          ) : null}
        </div>
        <Columns />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending === 'import'}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>

      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {outcome && 'report' in outcome ? <Imported report={outcome.report} /> : null}
        {lineErrors.length > 0 ? <Refused errors={lineErrors} /> : error ? <ProblemAlert error={error} /> : null}
      </div>
      {needsReason ? (
        <div className="payroll-rectification">
          <Alert tone="warning" title={text.rectificationTitle}>
            <p>{text.rectificationText}</p>
          </Alert>
          <TextAreaInput
            label={text.rectificationReason}
            description={text.rectificationHint}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setReasonError(undefined);
            }}
            error={reasonError}
            isRequired
            maxLength={500}
            rows={2}
          />
          <div className="form-actions">
            <PendingButton className="button button--primary" pending={pending === 'rectify'} onPress={() => void send('rectify')}>
              {text.rectify}
            </PendingButton>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Columns() {
  const { papers } = useI18n();
  const text = papers.payslips.payroll;
  return (
    <Disclosure className="disclosure">
      <Heading level={3} className="disclosure__heading">
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
        <p>{text.jsonFormat}</p>
      </DisclosurePanel>
    </Disclosure>
  );
}

function Imported({ report }: { report: ImportPayrollReport }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips.payroll;
  const changed = report.created + report.replaced + report.rectified > 0;
  return (
    <Alert tone="success" title={text.importedTitle(monthName(report.month, locale))}>
      <p>{text.report(report.lines, report.created, report.replaced, report.rectified, report.unchanged)}</p>
      <p>{changed ? text.toPublish : text.nothingChanged}</p>
    </Alert>
  );
}

// The server's own words (French), line by line: they name the line and the column to correct.
function Refused({ errors }: { errors: ReadonlyArray<{ message: string }> }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips.payroll;
  const shown = errors.slice(0, maxErrorsShown);
  return (
    <Alert tone="error" announce title={text.refusedTitle}>
      <p>{text.refusedText}</p>
      <ul className="alert__list" lang={locale === 'fr' ? undefined : 'fr'}>
        {shown.map((e, i) => (
          <li key={i}>{e.message}</li>
        ))}
      </ul>
      {errors.length > shown.length ? <p>{text.moreErrors(errors.length - shown.length)}</p> : null}
    </Alert>
  );
}
