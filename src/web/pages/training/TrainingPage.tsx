import { type FormEvent, useState } from 'react';
import { Button, Checkbox, Form, Link } from 'react-aria-components';
import type { CataloguePage, CourseSummary } from '../../../server/modules/training/training.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import '../../theme/training.css';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';
import { MyTrainings } from './MyTrainings.tsx';
import { duration, formatOptions, seatsText, sessionDates, themeOptions } from './training-format.ts';

const pageSize = 10;

type Criteria = { q: string; theme: string; format: string; all: boolean };

// /formation: the agent's own trainings, then the catalogue, searched by words, theme and format. The
// criteria live in the address (see staff-query.ts); by default only what one can still register to.
export function TrainingPage() {
  const { requests } = useI18n();
  const text = requests.training;
  const search = useSearch();
  const params = new URLSearchParams(search);
  const criteria: Criteria = { q: params.get('q') ?? '', theme: params.get('theme') ?? '', format: params.get('modalite') ?? '', all: params.get('toutes') === '1' };
  const page = pageFrom(params.get('page'));

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <MyTrainings />
      <section aria-labelledby="catalogue-title" className="staff-section">
        <h2 id="catalogue-title">{text.search.title}</h2>
        <SearchForm key={search} initial={criteria} />
        <Catalogue key={search} criteria={criteria} page={page} />
      </section>
    </RequestsLayout>
  );
}

function addressOf(criteria: Criteria, page = 1): string {
  return paths.training + queryString({ q: criteria.q, theme: criteria.theme, modalite: criteria.format, toutes: criteria.all ? '1' : undefined, page: page > 1 ? page : undefined });
}

function SearchForm({ initial }: { initial: Criteria }) {
  const { requests } = useI18n();
  const text = requests.training;
  const [criteria, setCriteria] = useState(initial);
  const set = <K extends keyof Criteria>(key: K) => (value: Criteria[K]) => setCriteria((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(addressOf(criteria));
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={text.search.label} className="search-panel">
      <TextInput label={text.search.query} description={text.search.queryHint} type="search" value={criteria.q} onChange={set('q')} className="search-panel__query" />
      <NativeSelect label={text.search.theme} value={criteria.theme} emptyLabel={text.search.allThemes} options={themeOptions(text)} onChange={set('theme')} />
      <NativeSelect label={text.search.format} value={criteria.format} emptyLabel={text.search.allFormats} options={formatOptions(text)} onChange={set('format')} />
      <Checkbox className="checkbox search-panel__check" isSelected={!criteria.all} onChange={(upcoming) => set('all')(!upcoming)}>
        <span className="checkbox__box" aria-hidden="true" />
        {text.search.upcoming}
      </Checkbox>
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.search.submit}
        </Button>
      </div>
    </Form>
  );
}

function Catalogue({ criteria, page }: { criteria: Criteria; page: number }) {
  const { requests } = useI18n();
  const text = requests.training.search;
  const known = (value: string, list: object) => (Object.hasOwn(list, value) ? value : undefined);
  const url = `/api/training/courses${queryString({
    q: criteria.q,
    theme: known(criteria.theme, requests.training.themes),
    format: known(criteria.format, requests.training.formats),
    upcoming: criteria.all ? undefined : 'true',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })}`;
  const { resource } = useApi<CataloguePage>(url);

  return (
    <>
      <h3 className="visually-hidden">{text.results}</h3>
      <p role="status" className="results-count">
        {resource.status === 'ready' ? text.count(resource.data.total) : ''}
      </p>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? (
        <Alert tone="info">
          <p>{text.noResultHint}</p>
        </Alert>
      ) : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <>
          <ul className="training-cards" aria-label={text.results}>
            {resource.data.items.map((course) => (
              <li key={course.id}>
                <CourseCard course={course} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(resource.data.total / pageSize))} hrefFor={(next) => addressOf(criteria, next)} />
        </>
      ) : null}
    </>
  );
}

function CourseCard({ course }: { course: CourseSummary }) {
  const { requests, locale } = useI18n();
  const text = requests.training;
  const next = course.nextSession;
  return (
    <article className="training-card">
      <h4 className="training-card__title">
        <Link href={staffPaths.trainingCourse(course.id)} lang="fr">
          {course.title}
        </Link>
      </h4>
      <p className="tag-row">
        <span className="status-tag">{text.themes[course.theme]}</span>
        <span className="status-tag">{text.formats[course.format]}</span>
        <span className="status-tag">{duration(course.durationMinutes)}</span>
      </p>
      <p className="training-card__audience">
        <strong>{text.search.audience}</strong> <span lang="fr">{course.audience}</span>
      </p>
      <p className="training-card__next">
        {next ? (
          <>
            <strong>{text.search.nextSession}</strong> {sessionDates(next, locale, text)} — {seatsText(next, text)}
            {course.openSessions > 1 ? ` ${text.search.otherSessions(course.openSessions - 1)}` : ''}
          </>
        ) : (
          text.search.noSession
        )}
      </p>
    </article>
  );
}
