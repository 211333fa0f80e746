import { useEffect, useRef, useState } from 'react';
import type { CatalogueResponse } from '../../../server/modules/applications/applications.schema.ts';
import { api } from '../../api/api-client.ts';

const favouritesUrl = '/api/me/applications/favourites';

/**
 * The agent's favourites as the page shows them: changed at once on screen, sent one change after the other
 * (two quick moves must reach the server in order); a refused change reloads the server's truth.
 */
export function useFavourites(catalogue: CatalogueResponse | undefined, reload: () => Promise<void>) {
  const [order, setOrder] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (catalogue) setOrder(catalogue.favourites.map((app) => app.slug));
  }, [catalogue]);

  function send(next: string[], request: () => Promise<unknown>) {
    setOrder(next);
    setError(undefined);
    queue.current = queue.current.then(request).catch(async (caught: unknown) => {
      setError(caught);
      await reload();
    });
  }

  return {
    order,
    error,
    pin: (slug: string) => send([...order.filter((s) => s !== slug), slug], () => api.put(`${favouritesUrl}/${encodeURIComponent(slug)}`, {})),
    unpin: (slug: string) => send(order.filter((s) => s !== slug), () => api.delete(`${favouritesUrl}/${encodeURIComponent(slug)}`)),
    /** Moves a favourite one place up (-1) or down (+1). */
    move(slug: string, step: -1 | 1) {
      const from = order.indexOf(slug);
      const to = from + step;
      if (from < 0 || to < 0 || to >= order.length) return;
      const next = [...order];
      [next[from], next[to]] = [next[to]!, next[from]!];
      send(next, () => api.put(favouritesUrl, { slugs: next }));
    },
  };
}
