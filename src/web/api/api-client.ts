import type { ProblemResponse } from '../../server/http/problem.ts';
import { noteActivity } from './activity.ts';

export type Problem = ProblemResponse;

/** An answer of the API other than 2xx, or no answer at all (status 0: offline, server unreachable). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfterSeconds?: number) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type SessionEvent = 'ended' | 'incomplete';
const sessionListeners = new Set<(event: SessionEvent) => void>();

/** Told when an answer shows the session has ended (401) or still owes a sign-in step (403 sign_in_incomplete). */
export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export type RequestOptions = {
  signal?: AbortSignal;
  /** For calls that work without a session (sign-in, password reset, GET /api/me to find out): a 401 then ends nothing. */
  anonymous?: boolean;
  /** False for calls that never touch the session (public pages): they do not push the idle timeout back. */
  activity?: boolean;
  /** Extra request headers, e.g. the Idempotency-Key of a submission that must not be filed twice. */
  headers?: Record<string, string>;
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: Promise<string> | undefined;

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return ((await response.json()) as { token: string }).token;
}

async function send(method: string, url: string, body: unknown, options: RequestOptions, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (stateChanging.has(method)) {
    csrfToken ??= fetchCsrfToken();
    try {
      headers['x-csrf-token'] = await csrfToken;
    } catch (error) {
      csrfToken = undefined;
      throw error;
    }
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, undefined);
  }
  if (response.ok) {
    if (options.activity !== false) noteActivity();
    return response;
  }
  const problem = await readProblem(response);
  // The CSRF cookie can be lost (cleared cookies, another tab): one fresh token, one more try.
  if (problem?.code === 'csrf_failed' && !retried) {
    csrfToken = undefined;
    return send(method, url, body, options, true);
  }
  if (response.status === 401 && problem?.code === 'unauthenticated' && !options.anonymous) notify('ended');
  else if (problem?.code === 'sign_in_incomplete') notify('incomplete');
  else if (!options.anonymous && options.activity !== false) noteActivity();
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

function notify(event: SessionEvent): void {
  for (const listener of sessionListeners) listener(event);
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

async function json<T>(response: Response): Promise<T> {
  // The body is always read, even empty: an unread response is cancelled, and logged as a failed request.
  const text = await response.text();
  if (response.status === 202 || response.status === 204 || !text) return undefined as T;
  return JSON.parse(text) as T;
}

export type DownloadedFile = { blob: Blob; filename: string | undefined };

async function file(response: Response): Promise<DownloadedFile> {
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] };
}

export const api = {
  get: async <T>(url: string, options: RequestOptions = {}): Promise<T> => json<T>(await send('GET', url, undefined, options)),
  post: async <T = void>(url: string, body?: unknown, options: RequestOptions = {}): Promise<T> =>
    json<T>(await send('POST', url, body ?? {}, options)),
  patch: async <T = void>(url: string, body: unknown, options: RequestOptions = {}): Promise<T> => json<T>(await send('PATCH', url, body, options)),
  put: async <T = void>(url: string, body: unknown, options: RequestOptions = {}): Promise<T> => json<T>(await send('PUT', url, body, options)),
  /** `body` for the deletions that ask why (a role revoked, with its reason). */
  delete: async (url: string, options: RequestOptions & { body?: unknown } = {}): Promise<void> =>
    void (await send('DELETE', url, options.body, options)),
  /** A GET answered by a file (a payslip, a certificate): its content and the name the server gives it. */
  getFile: async (url: string, options: RequestOptions = {}): Promise<DownloadedFile> => file(await send('GET', url, undefined, options)),
  /** A POST answered by a file (a PDF letter): its content and the name the server gives it. */
  postForFile: async (url: string, body: unknown, options: RequestOptions = {}): Promise<DownloadedFile> => file(await send('POST', url, body, options)),
};
