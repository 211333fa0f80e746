import { useEffect, useState } from 'react';
import type { LeavePreview, LeavePreviewQuery } from '../../../server/modules/leave/leave.schema.ts';
import { api } from '../../api/api-client.ts';
import { queryString } from '../staff-query.ts';

export type PreviewState = { status: 'waiting' } | { status: 'counting' } | { status: 'counted'; preview: LeavePreview } | { status: 'refused'; error: unknown };

const DEBOUNCE_MS = 250;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

// The server counts the days as the form is filled in, with the rules the submission applies: holidays,
// the agent's working days, the balance, the other requests. Nothing is counted twice in two languages.
export function useLeavePreview(query: Partial<LeavePreviewQuery>, version: number): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'waiting' });
  const ready = Boolean(query.type && query.startDate && query.endDate && isDate(query.startDate) && isDate(query.endDate));
  const url = ready ? `/api/me/leave/preview${queryString(query as Record<string, string>)}` : null;

  useEffect(() => {
    if (!url) {
      setState({ status: 'waiting' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'counting' });
    const timer = window.setTimeout(() => {
      api.get<LeavePreview>(url, { signal: controller.signal }).then(
        (preview) => setState({ status: 'counted', preview }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'refused', error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [url, version]);

  return state;
}
