import { Link } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

type PaginationProps = {
  page: number;
  /** Known when the API gives a total; otherwise hasNext says whether there is more. */
  pageCount?: number;
  hasNext?: boolean;
  hrefFor(page: number): string;
};

// Pages are addresses: Back returns to the previous page of results, and a page can be shared.
export function Pagination({ page, pageCount, hasNext, hrefFor }: PaginationProps) {
  const { admin } = useI18n();
  const text = admin.common.pagination;
  const next = pageCount !== undefined ? page < pageCount : Boolean(hasNext);
  if (page <= 1 && !next) return null;
  return (
    <nav aria-label={text.label} className="pagination">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="button button--secondary button--small">
          <span aria-hidden="true">← </span>
          {text.previous}
        </Link>
      ) : null}
      <span className="pagination__position">{pageCount !== undefined ? text.pageOf(page, pageCount) : text.page(page)}</span>
      {next ? (
        <Link href={hrefFor(page + 1)} className="button button--secondary button--small">
          {text.next}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
