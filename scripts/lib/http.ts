import { createConnection } from 'node:net';

/** Whether something already listens on 127.0.0.1:`port`. */
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
 * Polls `url` until it answers with a status below 500. Gives up after `timeoutMs`, or as soon as
 * `gaveUp` settles (the server process exited), whichever comes first.
 */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  gaveUp: Promise<unknown>,
): Promise<void> {
  let stopped: unknown = null;
  gaveUp.then(
    () => (stopped = new Error('the server process exited before it was ready')),
    (error: unknown) => (stopped = error),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopped) throw stopped;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
