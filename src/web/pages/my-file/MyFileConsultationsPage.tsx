import type { z } from 'zod';
import type { ConsultationList } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { MyFileLayout } from './MyFileLayout.tsx';

type Consultation = z.infer<typeof ConsultationList>['items'][number];

// GDPR transparency: every time someone else opened the file, who (role, department), when and why.
export function MyFileConsultationsPage() {
  const { papers, locale } = useI18n();
  const text = papers.file.consultations;
  const { resource } = useApi<z.infer<typeof ConsultationList>>('/api/me/file/consultations');

  return (
    <MyFileLayout title={text.title} lead={text.lead}>
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? (
        <Alert tone="info">
          <p>{text.none}</p>
        </Alert>
      ) : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <>
          <p className="results-count">{text.count(resource.data.items.length)}</p>
          <ResponsiveTable<Consultation>
            caption={text.caption}
            rows={resource.data.items}
            rowKey={(row) => `${row.at}-${row.consultedBy}`}
            title={{ key: 'at', header: text.at, cell: (row) => formatDateTime(row.at, locale), nowrap: true }}
            columns={[
              { key: 'by', header: text.by, cell: (row) => row.consultedBy },
              { key: 'role', header: text.role, cell: (row) => <span lang="fr">{row.role}</span> },
              { key: 'department', header: text.department, cell: (row) => row.department ?? '—' },
              { key: 'purpose', header: text.purpose, cell: (row) => <span lang="fr">{row.purpose}</span> },
            ]}
          />
        </>
      ) : null}
    </MyFileLayout>
  );
}
