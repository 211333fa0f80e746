import { useEffect, useState } from 'react';

// A failure may carry the API's answer (403, 404…) for pages that say more than "could not be loaded".
export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error?: unknown };

// Reads one JSON document from our own API; the caller shows the loading and failure states.
export function useJson<T>(url: string): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
        return (await response.json()) as T;
      })
      .then(
        (data) => setResource({ status: 'ready', data }),
        () => {
          if (!controller.signal.aborted) setResource({ status: 'failed' });
        },
      );
    return () => controller.abort();
  }, [url]);

  return resource;
}
