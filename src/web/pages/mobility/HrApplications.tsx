import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { HrApplicationList, HrApplicationView } from '../../../server/modules/mobility/mobility.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { queryString } from '../staff-query.ts';
import { ApplicationContent, CvDownload, useApplicationName } from './ApplicationParts.tsx';
import { ApplicationTimeline } from './ApplicationTimeline.tsx';
import { MoveDialog, moveKeyOf, type Moving } from './MoveDialog.tsx';

type State = 'open' | 'closed';
const addressOf = (state: State, page: number) => paths.hrMobility + queryString({ candidatures: state === 'closed' ? 'terminees' : undefined, page: page > 1 ? page : undefined });

// The applications HR of the department handles: under way (oldest first, the next to move) or finished.
export function HrApplications({ state, page, onMoved }: { state: State; page: number; onMoved(message: string): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.mobility.hr;
  const { resource, reload } = useApi<HrApplicationList>(`/api/hr/mobility/applications${queryString({ state, page })}`);
  const [moving, setMoving] = useState<Moving>();

  return (
    <section aria-labelledby="hr-applications-title" className="staff-section">
      <h2 id="hr-applications-title">{text.applicationsTitle}</h2>
      <div className="filters">
        <NativeSelect
          label={text.state}
          value={state}
          options={(['open', 'closed'] as const).map((value) => ({ value, label: text.states[value] }))}
          onChange={(value) => navigate(addressOf(value as State, 1))}
        />
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <>
          <p className="results-count">{resource.data.total === 0 ? text.noApplications : text.applicationsCount(resource.data.total)}</p>
          <ul className="item-cards">
            {resource.data.items.map((application) => (
              <li key={application.id} className="item-card">
                <HrApplicationCard application={application} onMove={setMoving} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={resource.data.pageCount} hrefFor={(next) => addressOf(state, next)} />
        </>
      ) : null}
      {moving ? (
        <MoveDialog
          moving={moving}
          onClose={() => setMoving(undefined)}
          onMoved={async (message) => {
            setMoving(undefined);
            await reload();
            await onMoved(message);
          }}
        />
      ) : null}
    </section>
  );
}

function HrApplicationCard({ application, onMove }: { application: HrApplicationView; onMove(moving: Moving): void }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.hr;
  const mine = requests.mobility.mine;
  const fr = locale === 'fr' ? undefined : 'fr';
  const name = `${application.agent.firstName} ${application.agent.lastName}`;
  const what = useApplicationName()(application);
  return (
    <div className="item-card__main">
      <h3 className="item-card__title">{text.applicant(name, application.agent.badgeNumber)}</h3>
      <p className="item-card__subtitle">
        <span lang={fr}>{what}</span> · {mine.submittedOn(formatDate(application.submittedAt, locale))}
      </p>
      <p lang={fr}>{text.currentPost(application.agent.jobTitle, application.agent.department.code)}</p>
      <ApplicationContent application={application} labels={text} />
      <ApplicationTimeline application={application} label={`${name}, ${what}`} forHr />
      {application.cv || application.nextMoves.length > 0 ? (
        <div className="mobility-actions">
          {application.nextMoves.map((move) => {
            const key = moveKeyOf(move);
            return (
              <Button
                key={key}
                className={`button button--small ${key === 'not_retained' ? 'button--secondary' : 'button--primary'}`}
                onPress={() => onMove({ application, move })}
                aria-label={text.moveNamed(text.move[key], name)}
              >
                {text.move[key]}
              </Button>
            );
          })}
          {application.cv ? <CvDownload url={`/api/hr/mobility/applications/${encodeURIComponent(application.id)}/cv`} label={text.cv(application.cv.name)} /> : null}
        </div>
      ) : null}
    </div>
  );
}
