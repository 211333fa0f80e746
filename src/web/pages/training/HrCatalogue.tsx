import { type FormEvent, useRef, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import type { CataloguePage, CourseSummary } from '../../../server/modules/training/training.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';
import { CourseDialog } from './CourseDialog.tsx';
import { SessionDialog } from './SessionDialog.tsx';
import { sessionDates } from './training-format.ts';

const pageSize = 10;

type HrCatalogueProps = { query: string; page: number; hrefFor(query: string, page: number): string; onSearch(query: string): void; onScheduled(): void };

// The catalogue as the training office keeps it: every course (with a session or not), a new course, a new
// session for any of them.
export function HrCatalogue({ query, page, hrefFor, onSearch, onScheduled }: HrCatalogueProps) {
  const { requests, locale } = useI18n();
  const text = requests.training;
  const hr = text.hr.catalogue;
  const { resource, reload } = useApi<CataloguePage>(`/api/training/courses${queryString({ q: query, limit: pageSize, offset: (page - 1) * pageSize })}`);
  const [typed, setTyped] = useState(query);
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<Pick<CourseSummary, 'id' | 'title' | 'format'>>();
  const [done, setDone] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const announce = (message: string) => {
    setDone(message);
    window.requestAnimationFrame(() => messageRef.current?.focus());
  };

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(typed.trim());
  }

  return (
    <section aria-labelledby="hr-catalogue-title" className="staff-section">
      <div className="section-heading">
        <h2 id="hr-catalogue-title">{hr.title}</h2>
        <Button className="button button--primary" onPress={() => setCreating(true)}>
          {hr.newCourse}
        </Button>
      </div>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {done ? <Alert tone="success" announce title={done} /> : null}
      </div>
      <Form onSubmit={search} role="search" aria-label={hr.query} className="search-panel">
        <TextInput label={hr.query} type="search" value={typed} onChange={setTyped} className="search-panel__query" />
        <div className="search-panel__actions">
          <Button type="submit" className="button button--secondary">
            {hr.submit}
          </Button>
        </div>
      </Form>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? <p role="status">{text.search.count(resource.data.total)}</p> : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <>
          <ResponsiveTable<CourseSummary>
            caption={hr.caption}
            rows={resource.data.items}
            rowKey={(course) => course.id}
            title={{
              key: 'title',
              header: text.hr.sessions.columns.course,
              cell: (course) => (
                <Link href={staffPaths.trainingCourse(course.id)} lang="fr">
                  {course.title}
                </Link>
              ),
            }}
            columns={[
              { key: 'theme', header: text.course.theme, cell: (course) => text.themes[course.theme] },
              { key: 'format', header: text.course.format, cell: (course) => text.formats[course.format] },
              { key: 'next', header: text.search.nextSession, cell: (course) => (course.nextSession ? sessionDates(course.nextSession, locale, text) : '—') },
            ]}
            actions={{
              header: text.hr.sessions.columns.actions,
              cell: (course) => (
                <Button className="button button--secondary button--small" onPress={() => setScheduling(course)} aria-label={hr.scheduleNamed(course.title)}>
                  {hr.schedule}
                </Button>
              ),
            }}
          />
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(resource.data.total / pageSize))} hrefFor={(next) => hrefFor(query, next)} />
        </>
      ) : null}
      {creating ? (
        <CourseDialog
          onClose={() => setCreating(false)}
          onCreated={(course) => {
            setCreating(false);
            setTyped(course.title);
            onSearch(course.title);
            announce(text.hr.courseForm.created(course.title));
          }}
        />
      ) : null}
      {scheduling ? (
        <SessionDialog
          course={scheduling}
          onClose={() => setScheduling(undefined)}
          onCreated={(course, body) => {
            setScheduling(undefined);
            void reload();
            onScheduled();
            announce(text.hr.sessionForm.created(course.title, sessionDates({ startsOn: body.startsOn, endsOn: body.endsOn }, locale, text)));
          }}
        />
      ) : null}
    </section>
  );
}
