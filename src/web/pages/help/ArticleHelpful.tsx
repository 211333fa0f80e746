import { useState } from 'react';
import { Button } from 'react-aria-components';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFaqText } from './faq-text.ts';

const browserIdKey = 'nomades.faq.browser';

// Someone not signed in is counted once per browser, without a cookie: a random id kept in this browser only.
function browserId(): string | undefined {
  try {
    let id = window.localStorage.getItem(browserIdKey);
    if (!id) {
      id = crypto.randomUUID();
      window.localStorage.setItem(browserIdKey, id);
    }
    return id;
  } catch {
    return undefined;
  }
}

/** « Cet article vous a-t-il aidé ? »: answering again changes the answer, it is never counted twice. */
export function ArticleHelpful({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  const text = useFaqText().article;
  const [answer, setAnswer] = useState<boolean>();
  const [problem, setProblem] = useState<unknown>();

  async function vote(helpful: boolean) {
    setProblem(undefined);
    try {
      const id = signedIn ? undefined : browserId();
      await api.post(`/api/help/articles/${encodeURIComponent(slug)}/vote`, { helpful, ...(id ? { browserId: id } : {}) }, { activity: false });
      setAnswer(helpful);
    } catch (caught) {
      setProblem(caught);
    }
  }

  return (
    <section className="faq-helpful" aria-labelledby="faq-helpful-title">
      <h2 id="faq-helpful-title">{text.helpfulQuestion}</h2>
      <div className="faq-helpful__buttons">
        <Button className="button button--secondary" aria-pressed={answer === true} onPress={() => vote(true)}>
          {text.yes}
        </Button>
        <Button className="button button--secondary" aria-pressed={answer === false} onPress={() => vote(false)}>
          {text.no}
        </Button>
      </div>
      <div role="status">
        {answer === undefined ? null : (
          <Alert tone="success">
            <p>{answer ? text.thanks : text.thanksNo}</p>
          </Alert>
        )}
      </div>
      {problem ? <ProblemAlert error={problem} title={text.voteFailed} /> : null}
    </section>
  );
}
