import { Link } from 'react-aria-components';
import type { PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { isApiError } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LinkCards } from '../../components/LinkCards.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/personal-file.css';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';
import { PersonalFileView } from './PersonalFileView.tsx';

// The agent's own file, read-only: every change goes through a correction request or the bank details page.
export function MyFilePage() {
  const { papers } = useI18n();
  const text = papers.file;
  const { resource } = useApi<PersonalFileResponse>('/api/me/file');

  return (
    <MyPapersLayout title={text.title} lead={text.lead}>
      <FileActions />
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'failed' ? (
        isApiError(resource.error) && resource.error.status === 404 ? (
          <Alert tone="info">
            <p>{text.noFile}</p>
          </Alert>
        ) : (
          <LoadFailure error={resource.error} />
        )
      ) : null}
      {resource.status === 'ready' ? (
        <PersonalFileView
          file={resource.data}
          level={2}
          bankAction={
            <Link href={paths.myBankDetails} className="button button--secondary button--small">
              {text.actions.bankDetails}
            </Link>
          }
        />
      ) : null}
    </MyPapersLayout>
  );
}

function FileActions() {
  const { papers } = useI18n();
  const text = papers.file.actions;
  return (
    <LinkCards
      title={text.title}
      links={[
        { href: paths.myFileCorrections, label: text.corrections, hint: text.correctionsHint },
        { href: paths.myBankDetails, label: text.bankDetails, hint: text.bankDetailsHint },
        { href: paths.myFileConsultations, label: text.consultations, hint: text.consultationsHint },
        { href: paths.myData, label: text.data, hint: text.dataHint },
      ]}
    />
  );
}
