import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSearch } from '../../router/history.ts';
import { HrApplications } from '../mobility/HrApplications.tsx';
import { HrOffers } from '../mobility/HrOffers.tsx';
import { useAnnouncement } from '../mobility/use-announcement.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom } from '../staff-query.ts';
import '../../theme/mobility.css';

// HR's side of internal mobility: the applications to move on (first, they wait on HR), then the
// department's job offers.
export function HrMobilityPage() {
  const { requests } = useI18n();
  const text = requests.mobility.hr;
  const params = new URLSearchParams(useSearch());
  const { announce, announcement } = useAnnouncement();
  const changed = async (message: string) => announce(message);

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      {announcement}
      <HrApplications state={params.get('candidatures') === 'terminees' ? 'closed' : 'open'} page={pageFrom(params.get('page'))} onMoved={changed} />
      <HrOffers onChanged={changed} />
    </StaffLayout>
  );
}
