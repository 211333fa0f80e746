import { useI18n } from '../../i18n/I18nProvider.tsx';
import { apiDocumentLanguage } from './api-document-language.ts';
import type { Operation, SchemaName } from './openapi.ts';

export function OperationCard({ operation }: { operation: Operation }) {
  const { t } = useI18n();
  const text = t.apiReference;
  const headingId = `operation-${operation.operationId || `${operation.method}-${operation.path}`}`;

  return (
    <article className="operation" aria-labelledby={headingId}>
      <h3 id={headingId} className="operation__title">
        <span className={`method method--${operation.method}`}>{operation.method.toUpperCase()}</span>{' '}
        <code className="operation__path">{operation.path}</code>
      </h3>
      {operation.summary ? (
        <p className="operation__summary" lang={apiDocumentLanguage}>
          {operation.summary}
        </p>
      ) : null}
      <dl className="operation__details">
        <div>
          <dt>{text.operationId}</dt>
          <dd>
            <code>{operation.operationId}</code>
          </dd>
        </div>
        <div>
          <dt>{text.parameters}</dt>
          <dd>
            {operation.parameters.length === 0 ? (
              text.none
            ) : (
              <ul className="operation__list">
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.location} ${parameter.name}`}>
                    <code>{parameter.name}</code> ({parameter.location}
                    {parameter.required ? `, ${text.required}` : ''})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{text.requestBody}</dt>
          <dd>
            <Schema schema={operation.requestBody} absent={text.none} />
          </dd>
        </div>
        <div>
          <dt>{text.responses}</dt>
          <dd>
            {operation.responses.length === 0 ? (
              text.noContent
            ) : (
              <ul className="operation__list">
                {operation.responses.map((response) => (
                  <li key={response.status}>
                    <code>{response.status}</code> — <Schema schema={response.schema} absent={text.noContent} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function Schema({ schema, absent }: { schema: SchemaName; absent: string }) {
  const { t } = useI18n();
  if (schema.kind === 'named') return <code>{schema.name}</code>;
  return <>{schema.kind === 'inline' ? t.apiReference.inlineSchema : absent}</>;
}
