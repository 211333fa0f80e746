import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TicketDetail } from '../../../server/modules/helpdesk/helpdesk.schema.ts';
import { api } from '../../api/api-client.ts';
import { saveFile } from '../../components/download.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type SupportingDocument, SupportingDocumentInput } from '../my-file/SupportingDocumentInput.tsx';
import '../../theme/helpdesk.css';
import { useHelpdeskText } from './helpdesk-text.ts';

// A ticket's messages and files, as the agent and as support see them (support also gets private ones).
export function TicketThread({ ticket, apiBase }: { ticket: TicketDetail; apiBase: string }) {
  const { locale } = useI18n();
  const text = useHelpdeskText();
  const [error, setError] = useState<unknown>();
  return (
    <>
      <section aria-labelledby="followups-title">
        <h2 id="followups-title">{text.ticket.followups}</h2>
        {ticket.followups.length === 0 ? <p>{text.ticket.noFollowup}</p> : null}
        <ol className="item-cards">
          {ticket.followups.map((f) => (
            <li key={f.id} className="item-card">
              <div className="item-card__main">
                <p className="item-card__subtitle">
                  {f.kind === 'solution' ? <strong>{text.ticket.solution} · </strong> : null}
                  {f.visibility === 'private' ? <strong>{text.support.privateTag} · </strong> : null}
                  {formatDateTime(f.createdAt, locale)} · {text.ticket.by(f.author ? `${f.author.firstName} ${f.author.lastName}` : text.ticket.portal)}
                </p>
                <p className="helpdesk-text" lang="fr">
                  {f.body}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="attachments-title">
        <h2 id="attachments-title">{text.ticket.attachments}</h2>
        {error ? <ProblemAlert error={error} /> : null}
        {ticket.attachments.length === 0 ? (
          <p>{text.ticket.noAttachment}</p>
        ) : (
          <ul>
            {ticket.attachments.map((a) => (
              <li key={a.id}>
                <Button
                  className="button button--link"
                  onPress={() =>
                    api.getFile(`${apiBase}/${ticket.id}/attachments/${a.id}`).then((file) => saveFile(file, a.fileName), setError)
                  }
                >
                  {text.ticket.download(a.fileName)}
                </Button>{' '}
                ({Math.ceil(a.sizeBytes / 1024)} Ko)
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

// Attaches one file at once; the server checks its type by its first bytes.
export function TicketAttachForm({ url, onDone }: { url: string; onDone(message: string): Promise<void> }) {
  const text = useHelpdeskText().ticket;
  const [document, setDocument] = useState<SupportingDocument>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const [generation, setGeneration] = useState(0);

  async function send() {
    if (!document) return;
    setPending(true);
    setError(undefined);
    try {
      await api.post(url, { fileName: document.name, contentBase64: document.contentBase64 });
      setDocument(undefined);
      setGeneration((g) => g + 1);
      await onDone(text.attached);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="form-card">
      {error ? <ProblemAlert error={error} /> : null}
      <SupportingDocumentInput
        key={generation}
        label={text.attach}
        hint=" "
        error={problem}
        onChange={(chosen, why) => {
          setDocument(chosen);
          setProblem(why);
        }}
      />
      <PendingButton className="button button--secondary" pending={pending} onPress={() => void send()} isDisabled={!document}>
        {text.send}
      </PendingButton>
    </div>
  );
}
