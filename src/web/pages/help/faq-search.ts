import { useEffect, useState } from 'react';
import type { FaqCategory } from '../../../server/modules/faq/faq-categories.ts';
import type { ArticleList } from '../../../server/modules/faq/faq.schema.ts';
import { useApi } from '../../api/use-api.ts';

/** The value, once it has stopped changing for a moment: one request per pause in typing, not per key. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The published articles matching what the agent types, for the help centre and for the ticket form
 * (`suggest`: five at most). Public: works for an agent who cannot sign in.
 */
export function useArticleSearch(query: string, category: FaqCategory | '' = '', options: { suggest?: boolean } = {}) {
  const settled = useSettled(query.trim(), 300);
  const parameters = new URLSearchParams();
  if (settled) parameters.set('q', settled);
  if (category) parameters.set('category', category);
  if (options.suggest) parameters.set('suggest', '1');
  return useApi<ArticleList>(`/api/help/articles?${parameters}`, { activity: false }).resource;
}
