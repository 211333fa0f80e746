import { useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { MyTraining, MyTrainingList } from '../../../server/modules/training/training.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { saveFile } from '../../components/download.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffPaths } from '../staff-paths.ts';
import { sessionDates, statusLabel, statusTagClass } from './training-format.ts';

// "Mes formations": every registration asked for, with where the agent stands (waiting list: their place in
// line), the certificate once present, and the way out while the session has not begun.
export function MyTrainings() {
  const { requests, locale } = useI18n();
  const text = requests.training;
  const { resource, reload } = useApi<MyTrainingList>('/api/me/trainings');
  const [leaving, setLeaving] = useState<MyTraining>();
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const messageRef = useRef<HTMLDivElement>(null);

  async function act(work: () => Promise<string>) {
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
      setLeaving(undefined);
      // The button pressed may be gone: focus goes to the outcome.
      window.requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  const download = (item: MyTraining) => {
    setBusy(item.registrationId);
    return act(async () => {
      saveFile(await api.getFile(`/api/training/registrations/${encodeURIComponent(item.registrationId)}/certificate`), `attestation-formation-${item.session.startsOn}.pdf`);
      return text.mine.certificateSaved;
    });
  };

  const leave = (item: MyTraining) => {
    setBusy(item.registrationId);
    return act(async () => {
      const { outcome } = await api.post<{ outcome: 'withdrawn' | 'cancelled' }>(`/api/me/requests/${encodeURIComponent(item.requestId)}/closing`, {});
      await reload();
      return outcome === 'withdrawn' ? text.mine.withdrawn(item.course.title) : text.mine.cancelled(item.course.title);
    });
  };

  return (
    <section aria-labelledby="my-trainings-title" className="staff-section">
      <h2 id="my-trainings-title">{text.mine.title}</h2>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {done ? <Alert tone="success" announce title={done} /> : null}
        {error ? <ProblemAlert error={error} /> : null}
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? <p>{text.mine.empty}</p> : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <ResponsiveTable<MyTraining>
          caption={text.mine.caption}
          rows={resource.data.items}
          rowKey={(item) => item.registrationId}
          title={{
            key: 'course',
            header: text.mine.columns.course,
            cell: (item) => (
              <Link href={staffPaths.trainingCourse(item.course.id)} lang="fr">
                {item.course.title}
              </Link>
            ),
          }}
          columns={[
            { key: 'dates', header: text.mine.columns.dates, cell: (item) => sessionDates(item.session, locale, text) },
            { key: 'status', header: text.mine.columns.status, cell: (item) => <span className={statusTagClass(item.status)}>{statusLabel(item, text)}</span> },
          ]}
          actions={{
            header: text.mine.columns.actions,
            cell: (item) => (
              <div className="training-actions">
                {item.certificate ? (
                  <PendingButton
                    className="button button--secondary button--small"
                    pending={busy === item.registrationId}
                    onPress={() => void download(item)}
                    aria-label={text.mine.certificateNamed(item.course.title)}
                  >
                    {text.mine.certificate}
                  </PendingButton>
                ) : null}
                {item.mayCancel ? (
                  <Button
                    className="button button--danger-outline button--small"
                    onPress={() => setLeaving(item)}
                    aria-label={item.status === 'pending' ? text.mine.withdrawNamed(item.course.title) : text.mine.cancelNamed(item.course.title)}
                  >
                    {item.status === 'pending' ? text.mine.withdraw : text.mine.cancel}
                  </Button>
                ) : null}
              </div>
            ),
          }}
        />
      ) : null}
      {leaving ? (
        <AlertDialog
          title={text.mine.confirmTitle}
          confirmLabel={text.mine.confirm}
          cancelLabel={text.mine.keep}
          tone="danger"
          busy={busy === leaving.registrationId}
          onConfirm={() => void leave(leaving)}
          onCancel={() => setLeaving(undefined)}
          onDismiss={() => setLeaving(undefined)}
        >
          <p>
            {(leaving.status === 'pending' ? text.mine.confirmWithdraw : text.mine.confirmCancel)(leaving.course.title, sessionDates(leaving.session, locale, text))}
          </p>
        </AlertDialog>
      ) : null}
    </section>
  );
}
