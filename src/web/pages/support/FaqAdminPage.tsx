import { useEffect, useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { AdminArticle, AdminArticleList } from '../../../server/modules/faq/faq.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/faq.css';
import { useFaqText } from '../help/faq-text.ts';
import { staffPaths } from '../staff-paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { FaqArticleForm } from './FaqArticleForm.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; article: AdminArticle };

// IT support writes the help centre here: drafts, publication, and how many agents each article helped.
export function FaqAdminPage() {
  const { locale } = useI18n();
  const { admin: text, categories } = useFaqText();
  const { resource, reload } = useApi<AdminArticleList>('/api/support/faq');
  const [editing, setEditing] = useState<Editing>();
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const recordsLang = locale === 'fr' ? undefined : 'fr';

  // Opening the form moves the reader to it; without this they would stay on the button that opened it.
  useEffect(() => {
    if (editing) document.getElementById('faq-form-title')?.focus();
  }, [editing]);

  function announce(outcome: string | undefined, failure?: unknown) {
    setMessage(outcome);
    setProblem(failure);
    window.requestAnimationFrame(() => outcomeRef.current?.focus());
  }

  async function togglePublished(article: AdminArticle) {
    const { title, category, body } = article;
    try {
      await api.put(`/api/support/faq/${encodeURIComponent(article.slug)}`, { title, category, body, published: !article.published });
      await reload();
      announce(article.published ? text.unpublishedMessage(title) : text.publishedMessage(title));
    } catch (caught) {
      announce(undefined, caught);
    }
  }

  return (
    <StaffLayout area="support" title={text.title} lead={text.lead}>
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
        {problem ? <ProblemAlert error={problem} title={text.actionFailed} /> : null}
      </div>
      {editing ? (
        <FaqArticleForm
          key={editing.mode === 'edit' ? editing.article.slug : 'new'}
          article={editing.mode === 'edit' ? editing.article : undefined}
          onCancel={() => setEditing(undefined)}
          onSaved={async (saved, mode) => {
            await reload();
            setEditing(undefined);
            announce(mode === 'edit' ? text.updatedMessage(saved.title) : text.created(saved.title));
          }}
        />
      ) : (
        <p>
          <Button
            className="button button--primary"
            onPress={() => {
              announce(undefined);
              setEditing({ mode: 'create' });
            }}
          >
            {text.add}
          </Button>
        </p>
      )}
      <section aria-labelledby="faq-admin-list-title" className="staff-section">
        <h2 id="faq-admin-list-title">{text.listTitle}</h2>
        {resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : resource.status === 'loading' ? (
          <StatusMessage status="loading" />
        ) : resource.data.items.length === 0 ? (
          <p>{text.empty}</p>
        ) : (
          <ResponsiveTable<AdminArticle>
            caption={text.listTitle}
            rows={resource.data.items}
            rowKey={(article) => article.slug}
            title={{
              key: 'title',
              header: text.columns.title,
              cell: (article) =>
                article.published ? (
                  <Link href={staffPaths.helpArticle(article.slug)} lang={recordsLang}>
                    {article.title}
                  </Link>
                ) : (
                  <span lang={recordsLang}>{article.title}</span>
                ),
            }}
            columns={[
              { key: 'category', header: text.columns.category, cell: (article) => categories[article.category] },
              {
                key: 'state',
                header: text.columns.state,
                cell: (article) => (
                  <span className={`status-tag ${article.published ? 'status-tag--active' : 'status-tag--departed'}`}>{article.published ? text.published : text.draft}</span>
                ),
              },
              { key: 'helpful', header: text.columns.helpful, cell: (article) => text.helpfulCounts(article.helpful, article.notHelpful) },
              { key: 'updated', header: text.columns.updated, cell: (article) => formatDate(article.updatedAt, locale), nowrap: true },
            ]}
            actions={{
              header: text.columns.actions,
              cell: (article) => (
                <div className="form-actions">
                  <Button
                    className="button button--secondary button--small"
                    aria-label={text.editNamed(article.title)}
                    onPress={() => {
                      announce(undefined);
                      setEditing({ mode: 'edit', article });
                    }}
                  >
                    {text.edit}
                  </Button>
                  <Button
                    className="button button--secondary button--small"
                    aria-label={article.published ? text.unpublishNamed(article.title) : text.publishNamed(article.title)}
                    onPress={() => togglePublished(article)}
                  >
                    {article.published ? text.unpublish : text.publish}
                  </Button>
                </div>
              ),
            }}
          />
        )}
      </section>
    </StaffLayout>
  );
}
