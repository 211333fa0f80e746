import { type ReactNode, useState } from 'react';
import { Checkbox } from 'react-aria-components';
import type { z } from 'zod';
import type { ChecklistResponse, ResetSecondFactorsResponse } from '../../../server/modules/support-console/support-console.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import type { WithReauth } from '../../components/enrolment/enrolment-types.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';

type Checklist = z.infer<typeof ChecklistResponse>;

type ResetFactorsDialogProps = {
  name: string;
  url: string;
  withReauth: WithReauth;
  onClose(): void;
  onDone(outcome: ReactNode): Promise<void>;
};

// Removing an agent's second factors hands their account to whoever called: the identity checks come first,
// ticked one by one, and are kept in the audit trail with the reason.
export function ResetFactorsDialog({ name, url, withReauth, onClose, onDone }: ResetFactorsDialogProps) {
  const { admin, locale } = useI18n();
  const text = admin.support.actions;
  const { resource } = useApi<Checklist>('/api/support/identity-checklist');
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [issueCode, setIssueCode] = useState(true);
  const [missing, setMissing] = useState(false);
  const items = resource.status === 'ready' ? resource.data.items : [];

  return (
    <FormDialog
      title={text.resetTitle(name)}
      confirmLabel={text.resetConfirm}
      tone="danger"
      reason={{ minLength: 5 }}
      onClose={onClose}
      validate={() => {
        const incomplete = items.some((item) => item.mandatory && !checked[item.key]);
        setMissing(incomplete);
        return !incomplete;
      }}
      onSubmit={async (reason) => {
        const result = await withReauth(() =>
          api.post<z.infer<typeof ResetSecondFactorsResponse>>(url, { reason, checklist: checked, issueEnrolmentCode: issueCode }),
        );
        await onDone(
          <Alert tone="success" title={text.resetDone(name)}>
            <p>{text.resetSummary(result.factorsRemoved, result.recoveryCodesRemoved, result.sessionsEnded)}</p>
            {result.enrolmentCode ? (
              <>
                <p>{text.codeShownOnce}</p>
                <OneTimeSecret label={text.enrolmentCode} value={result.enrolmentCode.code} />
                <p>{text.validUntil(formatDateTime(result.enrolmentCode.expiresAt, locale))}</p>
              </>
            ) : null}
          </Alert>,
        );
      }}
    >
      <p>{text.resetText}</p>
      {resource.status !== 'ready' ? (
        <StatusMessage status={resource.status === 'failed' ? 'failed' : 'loading'} />
      ) : (
        <fieldset className="fieldset" aria-describedby={missing ? 'checklist-error' : undefined}>
          <legend className="fieldset__legend">{text.checklistTitle}</legend>
          {items.map((item) => (
            <Checkbox
              key={item.key}
              className="checkbox"
              isSelected={Boolean(checked[item.key])}
              isInvalid={missing && item.mandatory && !checked[item.key]}
              onChange={(selected) => {
                setChecked((previous) => ({ ...previous, [item.key]: selected }));
                setMissing(false);
              }}
            >
              <span className="checkbox__box" aria-hidden="true" />
              <span>
                <span lang="fr">{item.label}</span> <span className="checkbox__note">{item.mandatory ? text.mandatory : text.optionalCheck}</span>
              </span>
            </Checkbox>
          ))}
          {missing ? (
            <p id="checklist-error" className="field__error">
              {text.checklistMissing}
            </p>
          ) : null}
        </fieldset>
      )}
      <Checkbox className="checkbox" isSelected={issueCode} onChange={setIssueCode}>
        <span className="checkbox__box" aria-hidden="true" />
        {text.issueCode}
      </Checkbox>
    </FormDialog>
  );
}
