import { useState } from 'react';
import type { PublishedAnnouncement } from '../../../server/modules/announcements/announcements.schema.ts';
import { AnnouncementCard } from '../../components/AnnouncementCard.tsx';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';

// One published announcement as support sees it: its state, audience, author, and what can be done.
export function AnnouncementRow({ announcement, onEdit, onEnd }: { announcement: PublishedAnnouncement; onEdit(): void; onEnd(): Promise<void> }) {
  const text = useAnnouncementsText().admin;
  const [pending, setPending] = useState(false);
  const audience = announcement.departments.length === 0 ? text.forEveryone : announcement.departments.map((department) => department.code).join(', ');
  return (
    <AnnouncementCard announcement={announcement} element="li" headingLevel={3}>
      <p>
        <strong>{text.statuses[announcement.status]}</strong> — {audience}
        {announcement.createdBy ? ` — ${text.by(announcement.createdBy)}` : null}
      </p>
      <div className="form-actions">
        <PendingButton className="button button--secondary button--small" onPress={onEdit} aria-label={text.edit(announcement.title)}>
          {text.editLabel}
        </PendingButton>
        {announcement.status !== 'ended' ? (
          <PendingButton
            className="button button--danger-outline button--small"
            pending={pending}
            aria-label={text.end(announcement.title)}
            onPress={async () => {
              setPending(true);
              await onEnd();
              setPending(false);
            }}
          >
            {text.endLabel}
          </PendingButton>
        ) : null}
      </div>
    </AnnouncementCard>
  );
}
