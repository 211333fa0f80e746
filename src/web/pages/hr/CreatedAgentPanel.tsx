import { useEffect, useRef } from 'react';
import { Button, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { CreatedAgentResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { Alert } from '../../components/Alert.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { staffPaths } from '../staff-paths.ts';
import { WelcomeLetterButton } from './WelcomeLetterButton.tsx';

type Created = z.infer<typeof CreatedAgentResponse>;

// The only moment the temporary password and the enrolment code can be read: the letter prints them as
// they are, and leaving the page forgets them (a new letter then draws new ones).
export function CreatedAgentPanel({ created, onCreateAnother }: { created: Created; onCreateAnother(): void }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.create;
  const { agent } = created;
  const titleRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  return (
    <>
      <Alert tone="success">
        <p ref={titleRef} tabIndex={-1} className="alert__title focus-target">
          {text.created(`${agent.firstName} ${agent.lastName}`, agent.badgeNumber)}
        </p>
        <p>{agent.status === 'pending' ? text.createdPending(formatDate(agent.startDate, locale)) : text.createdActive}</p>
      </Alert>

      <section aria-labelledby="secrets-title" className="secret-panel">
        <h2 id="secrets-title" className="secret-panel__title">
          {text.secretsTitle}
        </h2>
        <p className="secret-panel__warning">{text.secretsWarning}</p>
        <OneTimeSecret label={text.temporaryPassword} value={created.temporaryPassword} />
        <OneTimeSecret label={text.enrolmentCode} value={created.enrolmentCode} />
        <p className="muted">{text.enrolmentCodeValidity(formatDateTime(created.enrolmentCodeExpiresAt, locale))}</p>
        <div className="form-actions">
          <WelcomeLetterButton
            agentId={agent.id}
            badgeNumber={agent.badgeNumber}
            secrets={{ temporaryPassword: created.temporaryPassword, enrolmentCode: created.enrolmentCode }}
            className="button button--primary"
          />
        </div>
        <p className="muted">{text.letterHint}</p>
      </section>

      <div className="form-actions">
        <Link href={staffPaths.hrAgent(agent.id)} className="button button--secondary">
          {text.openRecord}
        </Link>
        <Button className="button button--secondary" onPress={onCreateAnother}>
          {text.createAnother}
        </Button>
      </div>
    </>
  );
}
