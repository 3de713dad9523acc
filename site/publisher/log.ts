/** Where the publisher writes its readable lines (one per event). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

const stamp = () => new Date().toISOString().replace('T', ' ').slice(0, 19);

/** `2025-01-02 03:04:05 publisher: …` (UTC, like container logs) on stdout, failures on stderr. */
export const consoleLogger: Logger = {
  info: (message) => console.log(`${stamp()} publisher: ${message}`),
  error: (message) => console.error(`${stamp()} publisher: ${message}`),
};

/** `1.2 s` or `340 ms`. */
export function formatDuration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}
