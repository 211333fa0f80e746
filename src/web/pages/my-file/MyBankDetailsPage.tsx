import { useRef, useState } from 'react';
import type { PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { isApiError } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BankDetailsForm } from './BankDetailsForm.tsx';
import { formatMonth } from './file-format.ts';
import { MyFileLayout } from './MyFileLayout.tsx';
import { BankAccount } from './PersonalFileView.tsx';

// The account the pay goes to: what it is now, what comes next month, and the form to change it.
export function MyBankDetailsPage() {
  const { papers, locale } = useI18n();
  const text = papers.file.bankDetails;
  const { resource, reload } = useApi<PersonalFileResponse>('/api/me/file');
  const [savedMonth, setSavedMonth] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const noFile = resource.status === 'failed' && isApiError(resource.error) && resource.error.status === 404;

  return (
    <MyFileLayout title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {savedMonth ? (
          <Alert tone="success" announce title={text.saved(savedMonth)}>
            <p>{text.mailSent}</p>
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="bank-current-title" className="staff-section">
        <h2 id="bank-current-title">{text.currentTitle}</h2>
        {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
        {resource.status === 'failed' && !noFile ? <LoadFailure error={resource.error} /> : null}
        {resource.status === 'ready' || noFile ? <BankAccount bankDetails={resource.status === 'ready' ? resource.data.bankDetails : null} /> : null}
      </section>
      <div className="staff-section">
        <BankDetailsForm
          onChanged={async (change) => {
            await reload();
            setSavedMonth(formatMonth(change.effectiveFrom, locale));
            window.requestAnimationFrame(() => messageRef.current?.focus());
          }}
        />
      </div>
    </MyFileLayout>
  );
}
