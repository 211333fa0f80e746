import { useState } from 'react';
import { Link } from 'react-aria-components';
import type { PublishedAnnouncement, PublishedAnnouncementList } from '../../../server/modules/announcements/announcements.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/announcements.css';
import { useAnnouncement } from '../mobility/use-announcement.tsx';
import { StaffLayout } from '../StaffLayout.tsx';
import { AnnouncementForm } from './AnnouncementForm.tsx';
import { AnnouncementRow } from './AnnouncementRow.tsx';

// IT support writes what the agents read on the sign-in and home pages: create, correct, end.
export function AnnouncementsAdminPage() {
  const text = useAnnouncementsText().admin;
  const { resource, reload } = useApi<PublishedAnnouncementList>('/api/support/announcements');
  const [editing, setEditing] = useState<PublishedAnnouncement>();
  const [formKey, setFormKey] = useState(0);
  const { announce, announcement: outcome } = useAnnouncement();
  const [endError, setEndError] = useState<unknown>();

  const saved = async (message: string) => {
    setEndError(undefined);
    await reload();
    announce(message);
  };

  const end = async (announcement: PublishedAnnouncement) => {
    try {
      await api.post(`/api/support/announcements/${announcement.id}/end`);
      await saved(text.ended);
    } catch (error) {
      setEndError(error);
    }
  };

  return (
    <StaffLayout area="support" title={text.title} lead={text.lead}>
      <p>
        <Link href={paths.serviceStatus}>{text.statusPage}</Link>
      </p>
      {outcome}
      {endError ? <ProblemAlert error={endError} title={text.endFailed} /> : null}
      <AnnouncementForm
        key={`${editing?.id ?? 'new'}-${formKey}`}
        editing={editing}
        onSaved={(created) => {
          setEditing(undefined);
          setFormKey((count) => count + 1);
          void saved(created ? text.published : text.saved);
        }}
        onCancel={() => setEditing(undefined)}
      />
      <section aria-labelledby="published-title">
        <h2 id="published-title">{text.listTitle}</h2>
        {resource.status === 'ready' ? (
          resource.data.items.length === 0 ? (
            <p>{text.empty}</p>
          ) : (
            <ul className="announcement-admin-list">
              {resource.data.items.map((announcement) => (
                <AnnouncementRow
                  key={announcement.id}
                  announcement={announcement}
                  onEdit={() => {
                    setEditing(announcement);
                    requestAnimationFrame(() => document.getElementById('announcement-form-title')?.focus());
                  }}
                  onEnd={() => end(announcement)}
                />
              ))}
            </ul>
          )
        ) : resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : (
          <StatusMessage status="loading" />
        )}
      </section>
    </StaffLayout>
  );
}
