/** Why an image of the CMS could not be used; the build goes on without it. */
export class ImageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageUnavailableError';
  }
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Downloads an original from the CMS. A 5xx or a dropped connection is retried (a busy CMS
 * during a publish storm); a 4xx is final: the file is gone from the media library.
 */
export async function fetchOriginal(url: string): Promise<Buffer> {
  let lastProblem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1) await sleep(250 * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      lastProblem = `no answer (${(error as Error).message})`;
      continue;
    }
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    lastProblem = `HTTP ${response.status}`;
    if (response.status < 500) break;
  }
  throw new ImageUnavailableError(`GET ${url} failed: ${lastProblem}`);
}
