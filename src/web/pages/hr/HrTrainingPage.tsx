import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import '../../theme/training.css';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { HrCatalogue } from '../training/HrCatalogue.tsx';
import { HrRegistrants } from '../training/HrRegistrants.tsx';
import { HrSessions, type Period } from '../training/HrSessions.tsx';

// /rh/formation: the training office's page. The sessions and who is in them (attendance once held), then
// the catalogue where courses and sessions are added. Periods, searches and pages are in the address.
export function HrTrainingPage() {
  const { requests } = useI18n();
  const text = requests.training.hr;
  const params = new URLSearchParams(useSearch());
  const period: Period = params.get('periode') === 'passees' ? 'past' : 'upcoming';
  const sessionsPage = pageFrom(params.get('page'));
  const query = params.get('stage') ?? '';
  const cataloguePage = pageFrom(params.get('stages-page'));
  const [open, setOpen] = useState<string>();
  const [version, setVersion] = useState(0);

  const address = (next: { period?: Period; page?: number; query?: string; cataloguePage?: number }) =>
    paths.hrTraining +
    queryString({
      periode: (next.period ?? period) === 'past' ? 'passees' : undefined,
      page: (next.page ?? sessionsPage) > 1 ? (next.page ?? sessionsPage) : undefined,
      stage: next.query ?? query,
      'stages-page': (next.cataloguePage ?? cataloguePage) > 1 ? (next.cataloguePage ?? cataloguePage) : undefined,
    });

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <HrSessions
        period={period}
        page={sessionsPage}
        version={version}
        hrefFor={(nextPeriod, page) => address({ period: nextPeriod, page })}
        onPeriod={(nextPeriod) => navigate(address({ period: nextPeriod, page: 1 }))}
        onOpen={(session) => setOpen(session.id)}
      />
      {open ? <HrRegistrants key={open} sessionId={open} onRecorded={() => setVersion((v) => v + 1)} onClose={() => setOpen(undefined)} /> : null}
      <HrCatalogue
        query={query}
        page={cataloguePage}
        hrefFor={(nextQuery, page) => address({ query: nextQuery, cataloguePage: page })}
        onSearch={(nextQuery) => navigate(address({ query: nextQuery, cataloguePage: 1 }))}
        onScheduled={() => setVersion((v) => v + 1)}
      />
    </StaffLayout>
  );
}
