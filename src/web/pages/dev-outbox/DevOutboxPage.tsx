import { Fragment } from 'react';
import { Button, Link } from 'react-aria-components';
import type { DevOutboxResponse } from '../../../server/modules/notifications/dev-outbox.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import '../../theme/account.css';

// Messages are written by the server in French, whatever the page's language.
const messagesLanguage = 'fr';

// The demo's mailbox: what the portal would have sent by e-mail or SMS, so a demo user can follow reset links
// and read codes. The server only offers it where nothing is really sent.
export function DevOutboxPage() {
  const { t, locale } = useI18n();
  const text = t.devOutbox;
  const { resource, reload } = useApi<DevOutboxResponse>('/api/dev/outbox', { activity: false });

  return (
    <Page title={text.title} lead={text.lead}>
      <div className="form-actions">
        <Button className="button button--secondary" onPress={() => void reload()}>
          {text.refresh}
        </Button>
      </div>
      {resource.status === 'failed' ? (
        <Alert tone="info">
          <p>{text.unavailable}</p>
        </Alert>
      ) : resource.status === 'loading' ? (
        <StatusMessage status="loading" />
      ) : resource.data.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <ul className="item-cards">
          {resource.data.map((message) => (
            <li key={message.id} className="item-card outbox-message">
              <div className="item-card__main">
                <h2 className="item-card__title" lang={message.subject ? messagesLanguage : undefined}>
                  {message.subject || (message.channel === 'sms' ? text.sms : text.email)}
                </h2>
                <dl className="item-card__facts">
                  <div>
                    <dt>{text.channel}</dt>
                    <dd>{message.channel === 'sms' ? text.sms : text.email}</dd>
                  </div>
                  <div>
                    <dt>{text.recipient}</dt>
                    <dd>{message.recipient}</dd>
                  </div>
                  <div>
                    <dt>{text.date}</dt>
                    <dd>{formatDateTime(message.createdAt, locale)}</dd>
                  </div>
                  <div>
                    <dt>{text.status}</dt>
                    <dd>{text.statuses[message.status]}</dd>
                  </div>
                </dl>
                <p className="outbox-message__body" lang={messagesLanguage}>
                  <Linkified text={message.body} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

// Links of this portal become links of the app (the reset link opens the reset page); others stay text.
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return parts.map((part, index) => {
    if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
    const url = new URL(part);
    return url.origin === window.location.origin ? (
      <Link key={index} href={url.pathname + url.search + url.hash}>
        {part}
      </Link>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    );
  });
}
