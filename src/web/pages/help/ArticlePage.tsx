import { Link } from 'react-aria-components';
import type { Article } from '../../../server/modules/faq/faq.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import '../../theme/faq.css';
import { useRouteParameter } from '../staff-routes.ts';
import { ArticleHelpful } from './ArticleHelpful.tsx';
import { ArticleHtml } from './ArticleHtml.tsx';
import { useFaqText } from './faq-text.ts';

// One help article, public. Articles are written in French by IT support: in English the text keeps lang="fr".
export function ArticlePage() {
  const slug = useRouteParameter();
  const { locale } = useI18n();
  const text = useFaqText();
  const { state } = useSession();
  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'done';
  const { resource } = useApi<Article>(`/api/help/articles/${encodeURIComponent(slug)}`, { activity: false });
  const recordsLang = locale === 'fr' ? undefined : 'fr';
  const back = (
    <p>
      <Link href={paths.help}>{text.article.back}</Link>
    </p>
  );

  if (resource.status !== 'ready') {
    return (
      <Page title={text.help.title}>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
        {back}
      </Page>
    );
  }
  const article = resource.data;
  return (
    <Page title={article.title} lead={`${text.categories[article.category]} · ${text.article.updated(formatDate(article.updatedAt, locale))}`}>
      <div lang={recordsLang}>
        <ArticleHtml html={article.html} />
      </div>
      <ArticleHelpful slug={article.slug} signedIn={signedIn} />
      {back}
    </Page>
  );
}
