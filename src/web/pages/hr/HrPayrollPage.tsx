import { useRef, useState } from 'react';
import type { PayrollMonths as Months } from '../../../server/modules/payslips/payslips.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PayrollImportForm } from '../payslips/PayrollImportForm.tsx';
import { PayrollMonths } from '../payslips/PayrollMonths.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import '../../theme/payslips.css';

// The month's payroll: import the payroll system's file, then publish the payslips to the agents.
export function HrPayrollPage() {
  const { papers } = useI18n();
  const text = papers.payslips.payroll;
  const { resource, reload } = useApi<Months>('/api/hr/payroll/months');
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <PayrollImportForm
        onImported={() => {
          setMessage(undefined);
          void reload();
        }}
      />
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <PayrollMonths
        resource={resource}
        onPublished={async (published) => {
          await reload();
          setMessage(published);
          window.requestAnimationFrame(() => messageRef.current?.focus());
        }}
      />
    </StaffLayout>
  );
}
