import { useState } from 'react';
import { Link } from 'react-aria-components';
import { type FaqCategory, faqCategories } from '../../../server/modules/faq/faq-categories.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import '../../theme/faq.css';
import { staffPaths } from '../staff-paths.ts';
import { useArticleSearch } from './faq-search.ts';
import { useFaqText } from './faq-text.ts';

// The help centre, open to all: an agent who cannot sign in finds the connection articles and the way to
// be called back; a signed-in agent can also ask for help.
export function HelpPage() {
  const { locale } = useI18n();
  const text = useFaqText();
  const { state } = useSession();
  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'done';
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<FaqCategory | ''>('');
  const resource = useArticleSearch(query, category);
  const recordsLang = locale === 'fr' ? undefined : 'fr';

  return (
    <Page title={text.help.title} lead={text.help.lead}>
      <div role="search" className="faq-search" aria-label={text.help.search}>
        <TextInput label={text.help.search} description={text.help.searchHint} type="search" value={query} onChange={setQuery} autoComplete="off" />
        <NativeSelect
          label={text.help.category}
          value={category}
          emptyLabel={text.help.allCategories}
          options={faqCategories.map((value) => ({ value, label: text.categories[value] }))}
          onChange={(value) => setCategory(value as FaqCategory | '')}
        />
      </div>

      <section aria-labelledby="faq-articles-title" className="staff-section">
        <h2 id="faq-articles-title">{text.help.articlesTitle}</h2>
        {resource.status === 'failed' ? (
          <LoadFailure error={resource.error} />
        ) : resource.status === 'loading' ? (
          <StatusMessage status="loading" />
        ) : (
          <>
            <p role="status">{query.trim() || category ? text.help.found(resource.data.items.length) : null}</p>
            {resource.data.items.length === 0 ? (
              <p>{text.help.none}</p>
            ) : (
              <ul className="faq-list">
                {resource.data.items.map((article) => (
                  <li key={article.slug} className="faq-list__item">
                    <Link href={staffPaths.helpArticle(article.slug)} lang={recordsLang}>
                      {article.title}
                    </Link>
                    <span className="faq-list__meta">
                      {text.categories[article.category]} · {text.help.updated(formatDate(article.updatedAt, locale))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="faq-stuck-title" className="staff-section">
        <h2 id="faq-stuck-title">{text.help.stillStuck}</h2>
        <ul>
          {signedIn ? (
            <li>
              <Link href={paths.helpNewTicket}>{text.help.newTicket}</Link>
            </li>
          ) : (
            <li>
              <Link href={paths.cannotSignIn}>{text.help.cannotSignIn}</Link> — {text.help.cannotSignInHint}
            </li>
          )}
        </ul>
      </section>
    </Page>
  );
}
