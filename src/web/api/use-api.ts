import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type RequestOptions } from './api-client.ts';
import type { Resource } from './use-json.ts';

// Reads one document of the signed-in API (session expiry is handled by the client); reload() fetches it
// again, keeps showing the previous data meanwhile, and resolves once the new data is in.
export function useApi<T>(url: string, options: Pick<RequestOptions, 'activity'> = {}): { resource: Resource<T>; reload(): Promise<void> } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const waiters = useRef<Array<() => void>>([]);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<T>(url, { ...options, signal: controller.signal })
      .then(
        (data) => setResource({ status: 'ready', data }),
        (error: unknown) => {
          if (!controller.signal.aborted) setResource((previous) => (previous.status === 'ready' ? previous : { status: 'failed', error }));
        },
      )
      .finally(() => {
        if (controller.signal.aborted) return;
        const done = waiters.current;
        waiters.current = [];
        for (const resolve of done) resolve();
      });
    return () => controller.abort();
    // The options are fixed for a page: only the address and reload() fetch again.
  }, [url, generation]);

  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.current.push(resolve);
        setGeneration((count) => count + 1);
      }),
    [],
  );

  return { resource, reload };
}
