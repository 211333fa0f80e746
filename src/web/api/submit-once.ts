import { api } from './api-client.ts';

// A request is filed once per Idempotency-Key: the key is drawn when the form is shown and sent again with
// every retry of the same submission, so a double click or a lost answer never files two requests.
export const newSubmissionKey = (): string => crypto.randomUUID();

export function postOnce<T>(url: string, body: unknown, key: string): Promise<T> {
  return api.post<T>(url, body, { headers: { 'idempotency-key': key } });
}
