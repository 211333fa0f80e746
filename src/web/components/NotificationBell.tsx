import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useLiveUnreadCount, useUnreadCount } from '../session/unread-notifications.ts';
import '../theme/notification-bell.css';

// The header's way to the notifications, with the unread count kept live. A screen reader hears of a new
// notification once, when the count goes up, not each time the page renders.
export function NotificationBell() {
  const { requests } = useI18n();
  const text = requests.common.bell;
  useLiveUnreadCount();
  const unread = useUnreadCount();
  const pathname = usePathname();
  const previous = useRef<number | undefined>(undefined);
  const [arrived, setArrived] = useState('');

  useEffect(() => {
    const before = previous.current;
    previous.current = unread;
    if (unread === undefined || before === undefined || unread === before) return;
    // Emptied when the count goes down, so that the same count reached again is announced again.
    setArrived(unread > before ? text.arrived(unread) : '');
  }, [unread, text]);

  return (
    <>
      <Link
        href={paths.notifications}
        className="notification-bell"
        aria-label={text.name(unread)}
        aria-current={pathname === paths.notifications ? 'page' : undefined}
      >
        <svg className="notification-bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread ? <span className="notification-bell__count">{unread > 99 ? '99+' : unread}</span> : null}
      </Link>
      <span className="visually-hidden" role="status">
        {arrived}
      </span>
    </>
  );
}
