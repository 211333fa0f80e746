import type { ReactNode } from 'react';
import { useMediaQuery } from './use-media-query.ts';

export type Column<T> = {
  key: string;
  header: string;
  cell(row: T): ReactNode;
  /** Kept on one line in the table (dates, badge numbers). */
  nowrap?: boolean;
};

type ResponsiveTableProps<T> = {
  /** Names the table, and the list on a phone. */
  caption: string;
  rows: readonly T[];
  rowKey(row: T): string;
  /** The first column, and each card's title on a phone (usually a link to the row's page). */
  title: Column<T>;
  columns: ReadonlyArray<Column<T>>;
  /** Buttons of a row, in the last column or at the bottom of the card. */
  actions?: { header: string; cell(row: T): ReactNode };
};

export const wideScreenQuery = '(min-width: 60rem)';

// A table on a wide screen; on a phone, the same rows as cards read in the same order: no horizontal scrolling.
export function ResponsiveTable<T>({ caption, rows, rowKey, title, columns, actions }: ResponsiveTableProps<T>) {
  const wide = useMediaQuery(wideScreenQuery);
  if (wide) {
    return (
      <table className="data-table staff-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {[title, ...columns].map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{actions.header}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row" className={title.nowrap ? 'staff-table__title data-table__nowrap' : 'staff-table__title'}>
                {title.cell(row)}
              </th>
              {columns.map((column) => (
                <td key={column.key} className={column.nowrap ? 'data-table__nowrap' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
              {actions ? <td>{actions.cell(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <ul className="item-cards" aria-label={caption}>
      {rows.map((row) => (
        <li key={rowKey(row)} className="item-card">
          <div className="item-card__main">
            <p className="item-card__title">{title.cell(row)}</p>
            <dl className="item-card__facts">
              {columns.map((column) => (
                <div key={column.key}>
                  <dt>{column.header}</dt>
                  <dd>{column.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </div>
          {actions ? actions.cell(row) : null}
        </li>
      ))}
    </ul>
  );
}
