import { Link } from 'react-aria-components';
import { useJson } from '../../api/use-json.ts';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/api-reference.css';
import { apiDocumentLanguage } from './api-document-language.ts';
import { groupOperationsByTag, type OpenApiDocument, tagAnchor, tagTitle } from './openapi.ts';
import { OperationCard } from './OperationCard.tsx';

const openApiUrl = '/api/openapi.json';

export function ApiReferencePage() {
  const { t } = useI18n();
  const openApi = useJson<OpenApiDocument>(openApiUrl);

  return (
    <Page title={t.apiReference.title} lead={t.apiReference.lead}>
      {openApi.status === 'ready' ? <Reference openApi={openApi.data} /> : <StatusMessage status={openApi.status} />}
    </Page>
  );
}

function Reference({ openApi }: { openApi: OpenApiDocument }) {
  const { t } = useI18n();
  const text = t.apiReference;
  const groups = groupOperationsByTag(openApi);

  return (
    <>
      <p className="api-meta">
        <Link href={openApiUrl}>{text.download}</Link>
        <span>{text.apiVersion(openApi.info.version)}</span>
      </p>

      <nav aria-labelledby="api-contents" className="api-contents">
        <h2 id="api-contents">{text.tagsTitle}</h2>
        <ul>
          {groups.map(({ tag, operations }) => (
            <li key={tagAnchor(tag)}>
              <Link href={`#${tagAnchor(tag)}`}>
                <span lang={tag ? apiDocumentLanguage : undefined}>{tag ? tagTitle(tag) : text.untagged}</span>
              </Link>{' '}
              <span className="api-contents__count">({text.operationCount(operations.length)})</span>
            </li>
          ))}
        </ul>
      </nav>

      {groups.map(({ tag, operations }) => (
        <section key={tagAnchor(tag)} className="api-group">
          <h2 id={tagAnchor(tag)} lang={tag ? apiDocumentLanguage : undefined} className="api-group__title">
            {tag ? tagTitle(tag) : text.untagged}
          </h2>
          {operations.map((operation) => (
            <OperationCard key={`${operation.method} ${operation.path}`} operation={operation} />
          ))}
        </section>
      ))}
    </>
  );
}
