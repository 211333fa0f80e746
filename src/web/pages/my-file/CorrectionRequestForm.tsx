import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { CorrectableField, CorrectionRequestBody, PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { api } from '../../api/api-client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { type FieldErrors, useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { correctableFields, currentValueOf, erasableFields, familyStatusCodes, isIsoDate } from './correction-fields.ts';
import { SupportingDocumentInput, type SupportingDocument } from './SupportingDocumentInput.tsx';

type Row = { key: number; field: CorrectableField | ''; value: string };

// One request may correct several pieces of information at once (a move changes address, postcode and town).
export function CorrectionRequestForm({ file, onSent }: { file: PersonalFileResponse | undefined; onSent(): Promise<void> }) {
  const { t, papers, locale } = useI18n();
  const text = papers.file.corrections;
  const [rows, setRows] = useState<Row[]>([{ key: 0, field: '', value: '' }]);
  const [comment, setComment] = useState('');
  const [document, setDocument] = useState<SupportingDocument>();
  const [documentKey, setDocumentKey] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const nextKey = useRef(1);
  const ruleTexts = { format: text.invalidValue, duplicate: text.duplicate, empty: text.documentEmpty, size: text.documentTooLarge, type: text.documentType };

  function update(index: number, change: Partial<Row>) {
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...change } : row)));
    clear(`changes.${index}.field`);
    clear(`changes.${index}.proposedValue`);
  }

  function rowErrors(): FieldErrors {
    const found: FieldErrors = {};
    rows.forEach((row, i) => {
      if (!row.field) found[`changes.${i}.field`] = t.common.required;
      else if (!row.value.trim() && !erasableFields.has(row.field)) found[`changes.${i}.proposedValue`] = text.proposedRequired;
      else if (row.field === 'birthDate' && !isIsoDate(row.value.trim())) found[`changes.${i}.proposedValue`] = text.dateFormat;
    });
    return found;
  }

  // useFieldErrors focuses the first invalid text field; a list left unchosen may come before it.
  function focusFirstInvalid() {
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    if (!check({ ...rowErrors(), document: errors.document })) {
      focusFirstInvalid();
      return;
    }
    const body: CorrectionRequestBody = {
      changes: rows.map((row) => ({ field: row.field as CorrectableField, proposedValue: row.value.trim() })),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(document ? { document: { fileName: document.name, contentBase64: document.contentBase64 } } : {}),
    };
    setPending(true);
    try {
      await api.post('/api/me/file/corrections', body);
      setRows([{ key: nextKey.current++, field: '', value: '' }]);
      setComment('');
      setDocument(undefined);
      setDocumentKey((key) => key + 1);
      await onSent();
    } catch (caught) {
      setError(caught);
      if (check(problemFieldErrors(caught, locale, t, ruleTexts)) === false) focusFirstInvalid();
    } finally {
      setPending(false);
    }
  }

  const current = (field: CorrectableField) => {
    const value = file ? currentValueOf(file, field) : null;
    if (!file) return undefined;
    if (value === null || value === '') return text.currentEmpty;
    if (field === 'familyStatus') return text.current(papers.file.familyStatuses[value] ?? value);
    if (field === 'birthDate') return text.current(formatDate(value, locale));
    return text.current(value);
  };

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <h2 className="form-card__title">{text.formTitle}</h2>
        {rows.map((row, index) => (
          <ChangeFields
            key={row.key}
            row={row}
            index={index}
            taken={rows.filter((other) => other.key !== row.key).map((other) => other.field)}
            current={row.field ? current(row.field) : undefined}
            errors={errors}
            onChange={(change) => update(index, change)}
            onRemove={
              rows.length > 1
                ? () => {
                    setRows((previous) => previous.filter((other) => other.key !== row.key));
                    check({});
                  }
                : undefined
            }
          />
        ))}
        {rows.length < correctableFields.length ? (
          <div className="form-actions">
            <Button className="button button--secondary button--small" onPress={() => setRows((previous) => [...previous, { key: nextKey.current++, field: '', value: '' }])}>
              {text.addChange}
            </Button>
          </div>
        ) : null}
        <TextAreaInput label={text.comment} description={text.commentHint} value={comment} onChange={setComment} maxLength={1000} />
        <SupportingDocumentInput
          key={documentKey}
          error={errors.document}
          onChange={(chosen, problem) => {
            setDocument(chosen);
            if (problem) check({ ...errors, document: problem });
            else clear('document');
          }}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>
    </>
  );
}

type ChangeFieldsProps = {
  row: Row;
  index: number;
  taken: ReadonlyArray<CorrectableField | ''>;
  current: string | undefined;
  errors: FieldErrors;
  onChange(change: Partial<Row>): void;
  onRemove: (() => void) | undefined;
};

function ChangeFields({ row, index, taken, current, errors, onChange, onRemove }: ChangeFieldsProps) {
  const { papers } = useI18n();
  const text = papers.file.corrections;
  const valueError = errors[`changes.${index}.proposedValue`];
  const description = [current, row.field === 'birthDate' ? text.dateHint : undefined, row.field && erasableFields.has(row.field) ? text.emptyAllowed : undefined]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset className="fieldset file-change">
      <legend className="fieldset__legend">
        {text.change(index + 1)}
      </legend>
      <NativeSelect
        label={text.field}
        value={row.field}
        emptyLabel={text.choose}
        options={correctableFields.filter((field) => field === row.field || !taken.includes(field)).map((field) => ({ value: field, label: papers.file.fields[field] }))}
        onChange={(value) => onChange({ field: value as CorrectableField | '', value: '' })}
        error={errors[`changes.${index}.field`]}
        isRequired
      />
      {row.field === 'familyStatus' ? (
        <NativeSelect
          label={text.proposed}
          value={row.value}
          emptyLabel={text.choose}
          description={description || undefined}
          options={familyStatusCodes.map((code) => ({ value: code, label: papers.file.familyStatuses[code] ?? code }))}
          onChange={(value) => onChange({ value })}
          error={valueError}
          isRequired
        />
      ) : row.field ? (
        <TextInput
          label={text.proposed}
          description={description || undefined}
          type={row.field === 'personalEmail' ? 'email' : row.field === 'personalPhone' ? 'tel' : 'text'}
          value={row.value}
          onChange={(value) => onChange({ value })}
          error={valueError}
          maxLength={200}
          isRequired={!erasableFields.has(row.field)}
        />
      ) : null}
      {onRemove ? (
        <div className="form-actions">
          <Button className="link-button" onPress={onRemove} aria-label={text.removeChange(index + 1)}>
            {text.remove}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
