import { Link } from 'react-aria-components';
import type { PayslipList } from '../../../server/modules/payslips/payslips.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';
import { staffPaths } from '../staff-paths.ts';
import { queryString } from '../staff-query.ts';
import { PayslipPdfButton } from './PayslipPdfButton.tsx';
import { PayslipTable } from './PayslipTable.tsx';
import { PayslipYearSelect } from './PayslipYearSelect.tsx';
import '../../theme/payslips.css';

/** The year of the address (?annee=2025), or none for the server's current year. */
function yearFrom(search: string): number | undefined {
  const year = Number(new URLSearchParams(search).get('annee'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

// The agent's payslips of a year, the current one first: each month with its gross and net paid, its page
// and its PDF. The year is kept in the address, so that coming back from a payslip shows the same year.
export function MyPayslipsPage() {
  const { papers } = useI18n();
  const text = papers.payslips;
  const asked = yearFrom(useSearch());
  const { resource } = useApi<PayslipList>(`/api/me/payslips${queryString({ year: asked })}`);

  return (
    <MyPapersLayout title={text.title} lead={text.lead}>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? <YearOfPayslips list={resource.data} /> : null}
    </MyPapersLayout>
  );
}

function YearOfPayslips({ list }: { list: PayslipList }) {
  const { papers } = useI18n();
  const text = papers.payslips;
  return (
    <>
      <PayslipYearSelect years={list.years} value={list.year} onChange={(year) => navigate(`${paths.myPayslips}${queryString({ annee: year })}`, { replace: true })} />
      <section aria-labelledby="payslips-year" className="staff-section">
        <h2 id="payslips-year">{text.yearTitle(list.year)}</h2>
        <p role="status" className="results-count">
          {list.payslips.length === 0 ? text.noPayslip(list.year) : text.count(list.payslips.length, list.year)}
        </p>
        {list.payslips.length > 0 ? (
          <PayslipTable
            list={list}
            caption={text.listCaption(list.year)}
            month={(p, label, name) => (
              <Link href={staffPaths.myPayslip(p.month)} aria-label={text.view(name)}>
                {label}
              </Link>
            )}
            actions={(p) => <PayslipPdfButton url={`/api/me/payslips/${p.month}.pdf`} month={p.month} compact />}
          />
        ) : null}
      </section>
    </>
  );
}
