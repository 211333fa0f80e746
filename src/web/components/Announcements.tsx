import { useEffect, useRef, useState } from 'react';
import type { Announcement, AnnouncementList } from '../../server/modules/announcements/announcements.schema.ts';
import { api } from '../api/api-client.ts';
import { useApi } from '../api/use-api.ts';
import { useJson } from '../api/use-json.ts';
import { useSession } from '../session/SessionProvider.tsx';
import '../theme/announcements.css';
import { AnnouncementCard } from './AnnouncementCard.tsx';
import { useAnnouncementsText } from './AnnouncementsText.tsx';
import { forgetOldDismissals, isDismissedHere, rememberDismissal } from './AnnouncementDismissals.tsx';
import { SupportContact } from './SupportContact.tsx';

// The current announcements, on the sign-in page and both home pages: a signed-in agent's come from the
// server (their department's too, dismissals kept on their account); before sign-in, those for everyone.
export function Announcements() {
  const { state } = useSession();
  if (state.status === 'signed-in') return <AgentAnnouncements />;
  if (state.status === 'signed-out') return <PublicAnnouncements />;
  return null;
}

function AgentAnnouncements() {
  const { resource, reload } = useApi<AnnouncementList>('/api/me/announcements');
  const items = resource.status === 'ready' ? resource.data.items : [];
  return (
    <AnnouncementRegion
      items={items}
      onDismiss={async (announcement) => {
        await api.post(`/api/me/announcements/${announcement.id}/dismissal`);
        await reload();
      }}
    />
  );
}

function PublicAnnouncements() {
  const resource = useJson<AnnouncementList>('/api/announcements');
  const [, setDismissals] = useState(0);
  const items = resource.status === 'ready' ? resource.data.items : [];
  useEffect(() => {
    if (resource.status === 'ready') forgetOldDismissals(resource.data.items.map((item) => item.id));
  }, [resource]);
  return (
    <AnnouncementRegion
      items={items.filter((item) => !isDismissedHere(item.id))}
      onDismiss={(announcement) => {
        rememberDismissal(announcement.id);
        setDismissals((count) => count + 1);
      }}
    />
  );
}

function AnnouncementRegion({ items, onDismiss }: { items: Announcement[]; onDismiss(announcement: Announcement): void | Promise<void> }) {
  const text = useAnnouncementsText();
  const regionRef = useRef<HTMLElement>(null);
  if (items.length === 0) return null;
  const troubled = items.some((item) => item.kind !== 'information');
  return (
    <section className="announcements" aria-label={text.region} ref={regionRef} tabIndex={-1}>
      {items.map((announcement) => (
        <AnnouncementCard
          key={announcement.id}
          announcement={announcement}
          onDismiss={async () => {
            try {
              await onDismiss(announcement);
            } catch {
              return; // Not recorded: the information stays, and the agent may try again.
            }
            // The button is gone with its announcement: the focus stays in the region rather than falling to the page.
            regionRef.current?.focus();
          }}
        />
      ))}
      {troubled ? <SupportContact className="announcements__support" /> : null}
    </section>
  );
}
