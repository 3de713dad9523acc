import { createConnection } from 'node:net';

export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Polls until a status `ready` accepts (by default any below 500); gives up after `timeoutMs`,
 * or as soon as `gaveUp` settles (the server process exited).
 */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  gaveUp: Promise<unknown>,
  ready: (status: number) => boolean = (status) => status < 500,
): Promise<void> {
  let stopped: unknown = null;
  gaveUp.then(
    () => (stopped = new Error('the server process exited before it was ready')),
    (error: unknown) => (stopped = error),
  );
  const deadline = Date.now() + timeoutMs;
  let lastStatus: number | null = null;
  while (Date.now() < deadline) {
    if (stopped) throw stopped;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      lastStatus = response.status;
      if (ready(response.status)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = Math.round(timeoutMs / 1000);
  throw new Error(
    lastStatus === null
      ? `${url} did not answer within ${seconds} s`
      : `${url} still answered ${lastStatus} after ${seconds} s`,
  );
}

/** null when it cannot: for optional details such as the publisher's status. */
export async function getJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
