import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import type { Registrant, SessionRegistrants } from '../../../server/modules/training/training.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { sessionDates, statusLabel, statusTagClass } from './training-format.ts';

type Choice = 'present' | 'absent' | '';
const seated = (r: Registrant) => r.status === 'registered' || r.status === 'attended' || r.status === 'absent';
const choiceOf = (r: Registrant): Choice => (r.status === 'attended' ? 'present' : r.status === 'absent' ? 'absent' : '');

// One session's registrants, its waiting list and the requests still with a manager; from the last day on,
// HR ticks present or absent for each agent who had a seat and records them all at once.
export function HrRegistrants({ sessionId, onRecorded, onClose }: { sessionId: string; onRecorded(): void; onClose(): void }) {
  const { requests, locale } = useI18n();
  const text = requests.training;
  const hr = text.hr.registrants;
  const { resource, reload } = useApi<SessionRegistrants>(`/api/hr/training/sessions/${encodeURIComponent(sessionId)}/registrants`);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [noChoice, setNoChoice] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), [sessionId]);
  const data = resource.status === 'ready' ? resource.data : undefined;
  const chosen = (r: Registrant) => choices[r.registrationId] ?? choiceOf(r);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!data) return;
    setError(undefined);
    setSaved(undefined);
    const entries = data.items.filter((r) => seated(r) && chosen(r)).map((r) => ({ registrationId: r.registrationId, attended: chosen(r) === 'present' }));
    setNoChoice(entries.length === 0);
    if (entries.length === 0) {
      window.requestAnimationFrame(() => messageRef.current?.focus());
      return;
    }
    setPending(true);
    try {
      await api.put(`/api/hr/training/sessions/${encodeURIComponent(sessionId)}/attendance`, { entries });
      await reload();
      setChoices({});
      setSaved(hr.saved(entries.length));
      onRecorded();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
      window.requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  const title = data ? hr.title(data.session.course.title, sessionDates(data.session, locale, text)) : text.hr.sessions.open;
  return (
    <section aria-labelledby="registrants-title" className="staff-section">
      <div className="section-heading">
        <h2 id="registrants-title" ref={headingRef} tabIndex={-1} className="focus-target">
          {title}
        </h2>
        <Button className="button button--secondary button--small" onPress={onClose}>
          {hr.close}
        </Button>
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {data && data.items.length === 0 ? <p>{hr.empty}</p> : null}
      {data && !data.attendanceOpen && data.items.length > 0 ? <Alert tone="info" title={hr.notYet(formatDate(`${data.session.endsOn}T12:00:00Z`, locale))} /> : null}
      {data && data.items.length > 0 ? (
        <Form onSubmit={save}>
          <ResponsiveTable<Registrant>
            caption={hr.caption}
            rows={data.items}
            rowKey={(r) => r.registrationId}
            title={{
              key: 'agent',
              header: hr.columns.agent,
              cell: (r) => (
                <>
                  {r.agent.firstName} {r.agent.lastName}
                  <span className="data-table__detail">{hr.badge(r.agent.badgeNumber)}</span>
                </>
              ),
            }}
            columns={[
              { key: 'department', header: hr.columns.department, cell: (r) => r.agent.department },
              { key: 'status', header: hr.columns.status, cell: (r) => <span className={statusTagClass(r.status)}>{statusLabel(r, text)}</span> },
              ...(data.attendanceOpen
                ? [
                    {
                      key: 'attendance',
                      header: hr.columns.attendance,
                      cell: (r: Registrant) =>
                        seated(r) ? (
                          <RadioGroup
                            className="attendance-choice"
                            orientation="horizontal"
                            value={chosen(r) || null}
                            onChange={(value) => setChoices((previous) => ({ ...previous, [r.registrationId]: value as Choice }))}
                          >
                            <Label className="visually-hidden">{hr.attendanceOf(`${r.agent.firstName} ${r.agent.lastName}`)}</Label>
                            <Radio value="present" className="attendance-choice__option">
                              {hr.present}
                            </Radio>
                            <Radio value="absent" className="attendance-choice__option">
                              {hr.absent}
                            </Radio>
                          </RadioGroup>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          <div ref={messageRef} tabIndex={-1} className="focus-target">
            {saved ? <Alert tone="success" announce title={saved} /> : null}
            {error ? <ProblemAlert error={error} /> : null}
            {noChoice ? <Alert tone="error" announce title={hr.noneChosen} /> : null}
          </div>
          {data.attendanceOpen ? (
            <div className="form-actions">
              <PendingButton type="submit" className="button button--primary" pending={pending}>
                {hr.save}
              </PendingButton>
            </div>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}
