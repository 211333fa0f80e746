import { useEffect, useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { NotificationList, UnreadCount } from '../../../server/modules/notifications/notifications.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { setUnreadCount, useUnreadCount } from '../../session/unread-notifications.ts';
import { EmailPreferenceChoice } from './EmailPreferenceChoice.tsx';
import { Outcome, useOutcome } from './Outcome.tsx';
import { RequestsLayout } from './RequestsLayout.tsx';
import '../../theme/requests.css';

type Notification = NotificationList['items'][number];
const LIST_SIZE = 100;

// The agent's notifications, newest first, the unread ones marked; each opens the page it is about. Marking
// read sends no live event, so the header's count is set from the server's answer.
export function NotificationsPage() {
  const { requests, locale } = useI18n();
  const text = requests.common.notifications;
  const { resource, reload } = useApi<NotificationList>(`/api/me/notifications?limit=${LIST_SIZE}`);
  const live = useUnreadCount();
  const [pending, setPending] = useState<string>();
  const { told, tell, focusRef } = useOutcome();
  const shown = resource.status === 'ready' ? resource.data : undefined;

  const shownUnread = useRef<number>(undefined);

  // What the server just said is the truth for the bell too (another tab may have marked some read).
  useEffect(() => {
    if (!shown) return;
    shownUnread.current = shown.unread;
    setUnreadCount(shown.unread);
  }, [shown]);

  // A notification arriving while the page is open shows up in the list too.
  useEffect(() => {
    if (live !== undefined && shownUnread.current !== undefined && live > shownUnread.current) void reload();
  }, [live, reload]);

  async function markRead(target: 'all' | Notification) {
    setPending(target === 'all' ? 'all' : target.id);
    try {
      const answer = await api.post<z.infer<typeof UnreadCount>>('/api/me/notifications/read', target === 'all' ? { all: true } : { ids: [target.id] });
      setUnreadCount(answer.unread);
      await reload();
      tell({ message: target === 'all' ? text.allMarkedRead : text.markedRead });
    } catch (caught) {
      tell({ error: caught });
    } finally {
      setPending(undefined);
    }
  }

  // Opening one reads it: marked on the way, without holding the page back.
  function opened(notification: Notification) {
    if (notification.read) return;
    api.post<z.infer<typeof UnreadCount>>('/api/me/notifications/read', { ids: [notification.id] }).then(
      (answer) => setUnreadCount(answer.unread),
      () => undefined,
    );
  }

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <Outcome told={told} focusRef={focusRef} />
      <section aria-labelledby="notifications-title" className="staff-section">
        <h2 id="notifications-title">{text.listTitle}</h2>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
        {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
        {shown ? (
          <>
            <p className="results-count">{shown.items.length === 0 ? text.empty : text.count(shown.items.length, shown.unread)}</p>
            {shown.unread > 0 ? (
              <div className="form-actions">
                <PendingButton className="button button--secondary" pending={pending === 'all'} onPress={() => void markRead('all')}>
                  {text.markAllRead}
                </PendingButton>
              </div>
            ) : null}
            <ul className="item-cards">
              {shown.items.map((notification) => (
                <li key={notification.id} className={notification.read ? 'item-card notification' : 'item-card notification notification--unread'}>
                  <div className="item-card__main">
                    <h3 className="item-card__title">
                      {notification.read ? null : <span className="status-tag status-tag--pending notification__unread">{text.unread}</span>}{' '}
                      <span lang="fr">{notification.title}</span>
                    </h3>
                    <p className="notification__body" lang="fr">
                      {notification.body}
                    </p>
                    <p className="item-card__subtitle">
                      {text.received} <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt, locale)}</time>
                    </p>
                  </div>
                  <div className="notification__actions">
                    {notification.link ? (
                      <Link href={notification.link} className="button button--primary" aria-label={text.openNamed(notification.title)} onPress={() => opened(notification)}>
                        {text.open}
                      </Link>
                    ) : null}
                    {notification.read ? null : (
                      <Button className="button button--secondary" aria-label={text.markReadNamed(notification.title)} isDisabled={pending !== undefined} onPress={() => void markRead(notification)}>
                        {text.markRead}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <EmailPreferenceChoice />
    </RequestsLayout>
  );
}
