import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { CorrectionList, CorrectionView, PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { CorrectionChanges } from './CorrectionChanges.tsx';
import { CorrectionRequestForm } from './CorrectionRequestForm.tsx';
import { MyFileLayout } from './MyFileLayout.tsx';

// GDPR art. 16: the agent asks, HR decides; the agent follows each request until it is applied or refused.
export function MyFileCorrectionsPage() {
  const { papers } = useI18n();
  const text = papers.file.corrections;
  const { resource: file, reload: reloadFile } = useApi<PersonalFileResponse>('/api/me/file');
  const { resource: requests, reload } = useApi<z.infer<typeof CorrectionList>>('/api/me/file/corrections');
  const [sent, setSent] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  return (
    <MyFileLayout title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {sent ? (
          <Alert tone="success" announce>
            <p>{text.sent}</p>
          </Alert>
        ) : null}
      </div>
      <CorrectionRequestForm
        file={file.status === 'ready' ? file.data : undefined}
        onSent={async () => {
          await Promise.all([reload(), reloadFile()]);
          setSent(true);
          window.requestAnimationFrame(() => messageRef.current?.focus());
        }}
      />
      <section aria-labelledby="my-requests-title" className="staff-section">
        <h2 id="my-requests-title">{text.listTitle}</h2>
        {requests.status === 'loading' ? <StatusMessage status="loading" /> : null}
        {requests.status === 'failed' ? <LoadFailure error={requests.error} /> : null}
        {requests.status === 'ready' && requests.data.items.length === 0 ? <p>{text.noRequests}</p> : null}
        {requests.status === 'ready' && requests.data.items.length > 0 ? (
          <ul className="item-cards">
            {requests.data.items.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </ul>
        ) : null}
      </section>
    </MyFileLayout>
  );
}

function RequestCard({ request }: { request: CorrectionView }) {
  const { papers, locale } = useI18n();
  const text = papers.file.corrections;
  return (
    <li className={`item-card${request.status === 'pending' ? ' item-card--open' : ''}`}>
      <div className="item-card__main">
        <h3 className="item-card__title">{text.requestTitle(formatDateTime(request.createdAt, locale))}</h3>
        <CorrectionChanges changes={request.changes} />
        <dl className="item-card__facts">
          <div>
            <dt>{text.status}</dt>
            <dd>
              <span className={`status-tag ${request.status === 'pending' ? 'status-tag--pending' : `file-request-status--${request.status}`}`}>{text.statuses[request.status]}</span>
            </dd>
          </div>
          {request.comment ? (
            <div>
              <dt>{text.yourComment}</dt>
              <dd>{request.comment}</dd>
            </div>
          ) : null}
          {request.document ? (
            <div>
              <dt>{text.attached}</dt>
              <dd>{request.document.name}</dd>
            </div>
          ) : null}
          {request.decidedAt ? (
            <div>
              <dt>{text.decidedOn}</dt>
              <dd>{formatDateTime(request.decidedAt, locale)}</dd>
            </div>
          ) : null}
          {request.decidedBy ? (
            <div>
              <dt>{text.decidedBy}</dt>
              <dd>{request.decidedBy}</dd>
            </div>
          ) : null}
          {request.refusalReason ? (
            <div>
              <dt>{text.reason}</dt>
              <dd lang="fr">{request.refusalReason}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </li>
  );
}
