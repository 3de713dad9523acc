import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest mtime (ms) of any file under `paths`; 0 when none exists. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) visit(path.join(entry, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of paths) visit(entry);
  return newest;
}

/** Why `outputs` must be rebuilt from `sources`, or null when every one is newer than them. */
export function staleReason(outputs: string[], sources: string[]): string | null {
  const missing = outputs.find((output) => !existsSync(output));
  if (missing) return `${path.basename(missing)} is missing`;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  if (newestMtime(sources) > oldestOutput) return 'sources changed';
  return null;
}
