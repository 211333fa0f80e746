import type { AnnouncementKind } from '../../server/modules/announcements/announcements.schema.ts';

// Decorative: the kind is also written out in words next to it.
const shapes: Record<AnnouncementKind, string> = {
  maintenance: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18v3h3l6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z',
  incident: 'M12 3 2 21h20L12 3zm0 6v6m0 3v.5',
  information: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 9v6m0-10v.5',
};

export function AnnouncementIcon({ kind }: { kind: AnnouncementKind }) {
  return (
    <svg className="announcement__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={shapes[kind]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
