import type { MyApplicationList } from '../../../server/modules/mobility/mobility.schema.ts';
import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSearch } from '../../router/history.ts';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { pageFrom } from '../staff-query.ts';
import { MyApplications } from './MyApplications.tsx';
import { criteriaFrom, OfferSearch } from './OfferSearch.tsx';
import { SpontaneousRequestForm } from './SpontaneousRequestForm.tsx';
import { useAnnouncement } from './use-announcement.tsx';
import '../../theme/mobility.css';

// Internal mobility for an agent: their applications and where each stands, the job offers open in the
// city's departments, and a spontaneous request when no offer fits.
export function MobilityPage() {
  const { requests } = useI18n();
  const text = requests.mobility;
  const params = new URLSearchParams(useSearch());
  const mine = useApi<MyApplicationList>('/api/me/mobility/applications');
  const departments = useApi<DepartmentListResponse>('/api/departments');
  const departmentList = departments.resource.status === 'ready' ? departments.resource.data.items : [];
  const { announce, announcement } = useAnnouncement();

  async function done(message: string) {
    await mine.reload();
    announce(message);
  }

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      {announcement}
      <MyApplications resource={mine.resource} onWithdrawn={done} />
      <OfferSearch criteria={criteriaFrom(params)} page={pageFrom(params.get('page'))} departments={departmentList} />
      <SpontaneousRequestForm departments={departmentList} onFiled={done} />
    </RequestsLayout>
  );
}
