import pLimit from 'p-limit';

/** Runs `task` on every item, at most `limit` at a time (p-limit). */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const run = pLimit(limit);
  await Promise.all(items.map((item) => run(() => task(item))));
}
