import type { ImportLineReport, ImportReportResponse } from '../../../server/modules/accounts/agent-import.schema.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const order = { refused: 0, create: 1, update: 2, unchanged: 3 } as const;
const shownAtMost = 500;

// Line by line, refused lines first: what will be created, changed, left alone, and every reason of a refusal.
export function ImportReport({ report }: { report: ImportReportResponse }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.import;
  const lines = [...report.lines].sort((a, b) => order[a.action] - order[b.action] || a.line - b.line);
  const shown = lines.slice(0, shownAtMost);

  return (
    <section aria-labelledby="report-title" className="staff-section">
      <h2 id="report-title">{report.applied ? text.reportAppliedTitle : text.reportTitle}</h2>
      <ResponsiveTable<ImportLineReport>
        caption={text.reportCaption}
        rows={shown}
        rowKey={(line) => String(line.line)}
        title={{ key: 'line', header: text.columnsHeader.line, cell: (line) => text.lineNumber(line.line), nowrap: true }}
        columns={[
          { key: 'agent', header: text.columnsHeader.agent, cell: (line) => [line.badgeNumber, line.name].filter(Boolean).join(' – ') || '—' },
          {
            key: 'action',
            header: text.columnsHeader.action,
            cell: (line) => <span className={`import-action import-action--${line.action}`}>{text.actions[line.action]}</span>,
          },
          {
            key: 'details',
            header: text.columnsHeader.details,
            cell: (line) => <LineDetails line={line} french={locale === 'fr'} />,
          },
        ]}
      />
      {lines.length > shown.length ? <p className="muted">{text.truncated(shown.length, lines.length)}</p> : null}
    </section>
  );
}

function LineDetails({ line, french }: { line: ImportLineReport; french: boolean }) {
  const { admin } = useI18n();
  const text = admin.hr.import;
  // The server explains in French; the page keeps its words (lang) so a screen reader reads them right.
  const items = [
    ...line.errors.map((error) => ({ key: `e${error.field}${error.message}`, className: 'line-details__error', content: error.message })),
    ...line.changes.map((change) => ({
      key: `c${change.field}`,
      className: undefined,
      content: text.change(admin.common.fieldNames[change.field] ?? change.field, change.from ?? '—', change.to ?? '—'),
    })),
    ...line.notes.map((note) => ({ key: `n${note}`, className: 'muted', content: note })),
  ];
  if (items.length === 0) return <>—</>;
  return (
    <ul className="line-details" lang={french ? undefined : 'fr'}>
      {items.map((item) => (
        <li key={item.key} className={item.className}>
          {item.content}
        </li>
      ))}
    </ul>
  );
}
