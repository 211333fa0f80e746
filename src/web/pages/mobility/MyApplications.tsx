import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { ApplicationView, MyApplicationList } from '../../../server/modules/mobility/mobility.schema.ts';
import { MANAGER_INFORMED_AT } from '../../../server/modules/mobility/mobility-steps.ts';
import { api } from '../../api/api-client.ts';
import type { Resource } from '../../api/use-json.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { staffPaths } from '../staff-paths.ts';
import { ApplicationContent, CvDownload, useApplicationName } from './ApplicationParts.tsx';
import { ApplicationTimeline } from './ApplicationTimeline.tsx';

// The agent's applications and spontaneous requests, most recent first, each with its steps; withdrawn
// here until HR has decided.
export function MyApplications({ resource, onWithdrawn }: { resource: Resource<MyApplicationList>; onWithdrawn(message: string): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.mobility.mine;
  const [withdrawing, setWithdrawing] = useState<ApplicationView>();
  const nameOf = useApplicationName();

  return (
    <section aria-labelledby="my-applications-title" className="staff-section">
      <h2 id="my-applications-title">{text.title}</h2>
      <p>{requests.mobility.managerInformedAt[MANAGER_INFORMED_AT]}</p>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? <p>{text.empty}</p> : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <ul className="item-cards">
          {resource.data.items.map((application) => (
            <li key={application.id} className="item-card">
              <ApplicationCard application={application} onWithdraw={() => setWithdrawing(application)} />
            </li>
          ))}
        </ul>
      ) : null}
      {withdrawing ? (
        <FormDialog
          title={text.withdrawTitle}
          confirmLabel={text.withdrawConfirm}
          tone="danger"
          reason={{ minLength: 1, optional: true, label: text.withdrawComment, description: text.withdrawCommentHint }}
          onSubmit={async (comment) => {
            await api.post(`/api/me/mobility/applications/${encodeURIComponent(withdrawing.id)}/withdrawal`, comment ? { comment } : {});
            setWithdrawing(undefined);
            await onWithdrawn(text.withdrawn);
          }}
          onClose={() => setWithdrawing(undefined)}
        >
          <p>{nameOf(withdrawing)}</p>
          <p>{text.withdrawText}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}

function ApplicationCard({ application, onWithdraw }: { application: ApplicationView; onWithdraw(): void }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.mine;
  const fr = locale === 'fr' ? undefined : 'fr';
  const name = useApplicationName()(application);
  return (
    <div className="item-card__main">
      <h3 className="item-card__title">
        {application.offer ? (
          <Link href={staffPaths.jobOffer(application.offer.id)}>
            <span lang={fr}>{name}</span>
          </Link>
        ) : (
          name
        )}
      </h3>
      <p className="item-card__subtitle">
        {text.submittedOn(formatDate(application.submittedAt, locale))} · <span lang={fr}>{text.handledBy(application.department.code)}</span>
      </p>
      <ApplicationContent application={application} labels={text} />
      <ApplicationTimeline application={application} label={name} />
      {application.cv || application.mayWithdraw ? (
        <div className="mobility-actions">
          {application.cv ? <CvDownload url={`/api/me/mobility/applications/${encodeURIComponent(application.id)}/cv`} label={text.cv(application.cv.name)} /> : null}
          {application.mayWithdraw ? (
            <Button className="button button--secondary button--small" onPress={onWithdraw} aria-label={text.withdrawNamed(name)}>
              {text.withdraw}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
