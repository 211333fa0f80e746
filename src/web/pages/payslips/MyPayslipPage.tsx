import { Link } from 'react-aria-components';
import type { PayslipDetail } from '../../../server/modules/payslips/payslips.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';
import { queryString } from '../staff-query.ts';
import { useRouteParameter } from '../staff-routes.ts';
import { isPayMonth, monthName } from './payslip-format.ts';
import { PayslipPdfButton } from './PayslipPdfButton.tsx';
import { PayslipView } from './PayslipView.tsx';

// One payslip on screen (/mes-bulletins/2026-10): every line explained, with the PDF to download.
export function MyPayslipPage() {
  const { papers, locale } = useI18n();
  const text = papers.payslips;
  const month = useRouteParameter();
  if (!isPayMonth(month)) {
    return (
      <MyPapersLayout title={text.title}>
        <BackLink />
        <Alert tone="info">
          <p>{text.invalidMonth}</p>
        </Alert>
      </MyPapersLayout>
    );
  }
  return (
    <MyPapersLayout title={text.payslipTitle(monthName(month, locale))}>
      <BackLink year={month.slice(0, 4)} />
      <Payslip month={month} />
    </MyPapersLayout>
  );
}

function Payslip({ month }: { month: string }) {
  const { resource } = useApi<PayslipDetail>(`/api/me/payslips/${month}`);
  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  return (
    <>
      <div className="form-actions">
        <PayslipPdfButton url={`/api/me/payslips/${month}.pdf`} month={month} />
      </div>
      <PayslipView payslip={resource.data} level={2} />
    </>
  );
}

function BackLink({ year }: { year?: string }) {
  const { papers } = useI18n();
  return (
    <p className="back-link">
      <Link href={`${paths.myPayslips}${queryString({ annee: year })}`}>
        <span aria-hidden="true">← </span>
        {papers.payslips.back}
      </Link>
    </p>
  );
}
