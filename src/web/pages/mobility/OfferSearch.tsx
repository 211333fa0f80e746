import { type FormEvent, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import type { OfferList } from '../../../server/modules/mobility/mobility.schema.ts';
import type { DepartmentSummary } from '../../../server/modules/organisation/organisation.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';

export type OfferCriteria = { q: string; department: string; category: string };

const categories = ['A', 'B', 'C'] as const;

/** The criteria in the page's address (?q=…&direction=…&categorie=…&page=…), so Back and a shared link work. */
export function criteriaFrom(params: URLSearchParams): OfferCriteria {
  return { q: params.get('q') ?? '', department: params.get('direction') ?? '', category: params.get('categorie') ?? '' };
}

const addressOf = (criteria: OfferCriteria, page?: number) =>
  paths.mobility + queryString({ q: criteria.q, direction: criteria.department, categorie: criteria.category, page: page && page > 1 ? page : undefined });

// The bourse des emplois: published offers still open, filtered by words, department and category.
export function OfferSearch({ criteria, page, departments }: { criteria: OfferCriteria; page: number; departments: DepartmentSummary[] }) {
  const { requests } = useI18n();
  const text = requests.mobility.search;
  return (
    <section aria-labelledby="offers-title" className="staff-section">
      <h2 id="offers-title">{text.title}</h2>
      <SearchForm key={addressOf(criteria)} initial={criteria} departments={departments} />
      <OfferResults key={addressOf(criteria, page)} criteria={criteria} page={page} />
    </section>
  );
}

function SearchForm({ initial, departments }: { initial: OfferCriteria; departments: DepartmentSummary[] }) {
  const { requests } = useI18n();
  const text = requests.mobility.search;
  const [criteria, setCriteria] = useState(initial);
  const change = (field: keyof OfferCriteria) => (value: string) => setCriteria((previous) => ({ ...previous, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(addressOf(criteria));
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={text.label} className="search-panel">
      <TextInput label={text.words} description={text.wordsHint} type="search" value={criteria.q} onChange={change('q')} className="search-panel__query" />
      <NativeSelect
        label={text.department}
        value={criteria.department}
        emptyLabel={text.allDepartments}
        options={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
        onChange={change('department')}
      />
      <NativeSelect
        label={text.category}
        value={criteria.category}
        emptyLabel={text.allCategories}
        options={categories.map((letter) => ({ value: letter, label: requests.mobility.category(letter) }))}
        onChange={change('category')}
      />
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.submit}
        </Button>
      </div>
    </Form>
  );
}

function OfferResults({ criteria, page }: { criteria: OfferCriteria; page: number }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.search;
  const fr = locale === 'fr' ? undefined : 'fr';
  const { resource } = useApi<OfferList>(`/api/job-offers${queryString({ q: criteria.q, department: criteria.department, category: criteria.category, page })}`);
  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  const { items, total, pageCount } = resource.data;
  return (
    <>
      <p role="status" className="results-count">
        {text.count(total)}
      </p>
      {items.length === 0 ? (
        <Alert tone="info" title={text.empty}>
          <p>{text.emptyHint}</p>
        </Alert>
      ) : (
        <ul className="item-cards" aria-label={text.listLabel}>
          {items.map((offer) => (
            <li key={offer.id} className="item-card">
              <div className="item-card__main">
                <h3 className="item-card__title">
                  <Link href={staffPaths.jobOffer(offer.id)}>
                    <span lang={fr}>{offer.title}</span>
                  </Link>
                </h3>
                <p className="item-card__subtitle" lang={fr}>
                  {[offer.department.name, offer.service, offer.site].filter(Boolean).join(' · ')}
                </p>
                <p>
                  {requests.mobility.category(offer.category)} · {text.closesOn(formatDate(offer.closesOn, locale))}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(next) => addressOf(criteria, next)} />
    </>
  );
}
