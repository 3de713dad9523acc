import { FetchError, ofetch, type FetchContext } from 'ofetch';

/** Any other 4xx will not change by asking again. */
export const RETRY_STATUS_CODES = [408, 425, 429, 500, 502, 503, 504];

export interface RetryPolicy {
  /** Attempts per request, counting the first one. */
  attempts: number;
  /** Wait before the first retry; doubles for each further one. */
  retryDelayMs: number;
  /** Give up on one attempt whose answer has not begun after this long. */
  timeoutMs: number;
}

export interface RetryingRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** Each attempt's time limit, cleared once the answer begins. */
const limits = new WeakMap<FetchContext, NodeJS.Timeout>();

/** The body is left unread (a caller may look at the headers first); throws ofetch's FetchError. */
export function fetchWithRetries(
  url: string,
  request: RetryingRequest,
  { attempts, retryDelayMs, timeoutMs }: RetryPolicy,
): Promise<Response> {
  return ofetch.raw(url, {
    ...request,
    responseType: 'stream',
    retry: attempts - 1,
    // ofetch counts the retries left down in `options.retry`.
    retryDelay: (context: FetchContext) =>
      retryDelayMs * 2 ** (attempts - 1 - Number(context.options.retry ?? 0)),
    retryStatusCodes: RETRY_STATUS_CODES,
    // A fresh limit per attempt (ofetch's `timeout` hands its aborted signal on to the retry),
    // until the answer begins: a body asked for ahead (exportPages) may wait in its socket.
    onRequest: (context) => {
      const abort = new AbortController();
      const timer = setTimeout(
        () => abort.abort(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      context.options.signal = abort.signal;
      limits.set(context, timer);
    },
    onRequestError: (context) => clearTimeout(limits.get(context)),
    // An error's body is read at once: it frees the connection, and the last one explains the failure.
    onResponse: async (context) => {
      clearTimeout(limits.get(context));
      const { response } = context;
      if (!response.ok) response._data = await response.text().catch(() => undefined);
    },
  });
}

export { FetchError };
