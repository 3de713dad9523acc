import { FetchError, fetchWithRetries } from '../retrying-fetch';

/** Why an image of the CMS could not be used; the build goes on without it. */
export class ImageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageUnavailableError';
  }
}

const RETRY = { attempts: 3, retryDelayMs: 250, timeoutMs: 30_000 };

/** A 5xx is retried (a busy CMS during a publish storm); a 4xx is final: the file is gone. */
export async function fetchOriginal(url: string): Promise<Buffer> {
  try {
    const response = await fetchWithRetries(url, {}, RETRY);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const problem = error.response
      ? `HTTP ${error.response.status}`
      : `no answer (${error.cause instanceof Error ? error.cause.message : error.message})`;
    throw new ImageUnavailableError(`GET ${url} failed: ${problem}`, { cause: error });
  }
}
