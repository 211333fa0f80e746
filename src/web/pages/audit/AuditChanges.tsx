import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { changeLines } from './audit-actions.ts';

// Instants are stored in UTC: shown in Paris time like the rest of the page.
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const readable = (value: string | undefined, locale: Locale) => (value && instant.test(value) ? formatDateTime(value, locale) : value);
const statuses = new Set(['pending', 'active', 'suspended', 'departed']);

// What an entry changed, field by field; secret values are already replaced by the server.
export function AuditChanges({ changes }: { changes: unknown }) {
  const { admin, locale } = useI18n();
  const lines = changeLines(changes);
  const show = (field: string, value: string | undefined) =>
    field === 'status' && value && statuses.has(value) ? admin.common.statuses[value as keyof typeof admin.common.statuses] : readable(value, locale);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="change-lines">
      {lines.map((line) => (
        <li key={line.field}>
          {line.field ? <span className="change-lines__field">{admin.common.fieldNames[line.field] ?? line.field}</span> : null}
          {line.field ? admin.common.colon : null}
          {line.value !== undefined ? (
            show(line.field, line.value)
          ) : (
            <>
              {show(line.field, line.from)} <span aria-hidden="true">→</span>
              <span className="visually-hidden">{admin.audit.becomes}</span> {show(line.field, line.to)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
