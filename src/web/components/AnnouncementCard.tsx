import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { Announcement } from '../../server/modules/announcements/announcements.schema.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { AnnouncementIcon } from './AnnouncementIcon.tsx';
import { useAnnouncementsText } from './AnnouncementsText.tsx';

// Title and body are plain text from support: React escapes them; CSS keeps the line breaks.
// `element` and `children` let support's list show the same card as a list item, with its own details.
export function AnnouncementCard({
  announcement,
  onDismiss,
  headingLevel = 2,
  element = 'article',
  children,
}: {
  announcement: Announcement;
  onDismiss?: () => void;
  headingLevel?: 2 | 3;
  element?: 'article' | 'li';
  children?: ReactNode;
}) {
  const text = useAnnouncementsText();
  const { locale } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Element = element;
  const start = formatDateTime(announcement.startsAt, locale);
  return (
    <Element className={`announcement announcement--${announcement.kind}`}>
      <AnnouncementIcon kind={announcement.kind} />
      <div className="announcement__content">
        <Heading className="announcement__title">
          <span className="announcement__kind">{text.kinds[announcement.kind]} : </span>
          {announcement.title}
        </Heading>
        {announcement.body ? <p className="announcement__body">{announcement.body}</p> : null}
        <p className="announcement__period">
          {announcement.endsAt ? text.between(start, formatDateTime(announcement.endsAt, locale)) : text.since(start)}
        </p>
        {children}
      </div>
      {onDismiss && announcement.dismissible ? (
        <Button className="button button--secondary announcement__dismiss" onPress={onDismiss} aria-label={text.dismiss(announcement.title)}>
          {text.dismissLabel}
        </Button>
      ) : null}
    </Element>
  );
}
