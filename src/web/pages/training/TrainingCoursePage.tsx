import { useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { CourseDetail, SessionView } from '../../../server/modules/training/training.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/training.css';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { useRouteParameter } from '../staff-routes.ts';
import { newIdempotencyKey, sendRegistration } from './send-registration.ts';
import { duration, seatsText, sessionDates, statusLabel, statusTagClass } from './training-format.ts';

// /formation/stages/<id>: a course, its sessions to come with their seats, and the registration request
// (with a word for the manager) for each session still open.
export function TrainingCoursePage() {
  const { requests } = useI18n();
  const text = requests.training;
  const id = useRouteParameter();
  const { resource, reload } = useApi<CourseDetail>(`/api/training/courses/${encodeURIComponent(id)}`);
  const [registering, setRegistering] = useState<{ session: SessionView; key: string }>();
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);
  const course = resource.status === 'ready' ? resource.data : undefined;

  return (
    <RequestsLayout title={course?.title ?? text.title}>
      <p>
        <Link href={paths.training} className="back-link">
          <span aria-hidden="true">← </span>
          {text.course.back}
        </Link>
      </p>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      <div ref={sentRef} tabIndex={-1} className="focus-target">
        {sent ? (
          <Alert tone="success" announce title={text.course.sent}>
            <p>{text.course.sentHint}</p>
            <p>
              <Link href={paths.training}>{text.course.myTrainings}</Link>
            </p>
          </Alert>
        ) : null}
      </div>
      {course ? (
        <>
          <CourseFacts course={course} />
          <Sessions course={course} onRegister={(session) => setRegistering({ session, key: newIdempotencyKey() })} />
        </>
      ) : null}
      {registering ? (
        <RegisterDialog
          session={registering.session}
          onClose={() => setRegistering(undefined)}
          onSubmit={async (comment) => {
            await sendRegistration(registering.session.id, comment, registering.key);
            await reload();
            setRegistering(undefined);
            setSent(true);
            window.requestAnimationFrame(() => sentRef.current?.focus());
          }}
        />
      ) : null}
    </RequestsLayout>
  );
}

function CourseFacts({ course }: { course: CourseDetail }) {
  const { requests } = useI18n();
  const text = requests.training;
  return (
    <section aria-labelledby="course-content-title" className="staff-section">
      <Facts>
        <Fact label={text.course.theme}>{text.themes[course.theme]}</Fact>
        <Fact label={text.course.format}>{text.formats[course.format]}</Fact>
        <Fact label={text.course.duration}>{duration(course.durationMinutes)}</Fact>
        <Fact label={text.course.audience} wide>
          <span lang="fr">{course.audience}</span>
        </Fact>
      </Facts>
      <h2 id="course-content-title">{text.course.description}</h2>
      <div lang="fr" className="training-description">
        {course.description.split('\n').map((paragraph, index) => (paragraph.trim() ? <p key={index}>{paragraph}</p> : null))}
      </div>
    </section>
  );
}

function Sessions({ course, onRegister }: { course: CourseDetail; onRegister(session: SessionView): void }) {
  const { requests, locale } = useI18n();
  const text = requests.training;
  return (
    <section aria-labelledby="sessions-title" className="staff-section">
      <h2 id="sessions-title">{text.course.sessions}</h2>
      {course.sessions.length === 0 ? <p>{text.course.noSession}</p> : null}
      <ul className="training-sessions">
        {course.sessions.map((session) => {
          const dates = sessionDates(session, locale, text);
          return (
            <li key={session.id} className="training-session">
              <h3 className="training-session__dates">{dates}</h3>
              <dl className="training-session__facts">
                <div>
                  <dt>{text.course.place}</dt>
                  <dd lang="fr">{session.place}</dd>
                </div>
                <div>
                  <dt>{text.course.seats}</dt>
                  <dd>{seatsText(session, text)}</dd>
                </div>
                {session.mine ? (
                  <div>
                    <dt>{text.course.yourPlace}</dt>
                    <dd>
                      <span className={statusTagClass(session.mine.status)}>{statusLabel(session.mine, text)}</span>
                    </dd>
                  </div>
                ) : null}
              </dl>
              {!session.open ? <p className="training-session__closed">{text.course.closed}</p> : null}
              {session.open && !session.mine ? (
                <Button className="button button--primary" onPress={() => onRegister(session)} aria-label={text.course.registerNamed(dates)}>
                  {text.course.register}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RegisterDialog({ session, onSubmit, onClose }: { session: SessionView; onSubmit(comment: string): Promise<void>; onClose(): void }) {
  const { requests, locale } = useI18n();
  const text = requests.training.course;
  return (
    <FormDialog
      title={text.registerTitle(sessionDates(session, locale, requests.training))}
      confirmLabel={text.send}
      reason={{ minLength: 0, optional: true, label: text.comment, description: text.commentHint }}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <p>{text.registerIntro}</p>
      {session.seatsLeft === 0 ? <Alert tone="warning" title={text.fullWarning} /> : null}
    </FormDialog>
  );
}
