import { wantsColor } from './env';

const useColor = wantsColor();

const CODES = { dim: 2, bold: 1, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

export function paint(style: keyof typeof CODES, text: string): string {
  return useColor ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
}

export function info(line: string): void {
  console.log(`${paint('cyan', '[start]')} ${line}`);
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** What failed and how to fix it, for a human. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${step} failed`, options);
    this.name = 'StepError';
  }
}

/** Prints `▶ name`, then `✔ name: note (1.2 s)`; a failure becomes a StepError with `fix`. */
export async function step(
  name: string,
  fix: string,
  work: () => Promise<string | void>,
): Promise<void> {
  const started = Date.now();
  info(`${paint('bold', '▶')} ${name}`);
  let note: string | void;
  try {
    note = await work();
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(name, fix, { cause: error });
  }
  info(
    `${paint('green', '✔')} ${name}${note ? `: ${note}` : ''} ${paint('dim', `(${seconds(started)})`)}`,
  );
}
