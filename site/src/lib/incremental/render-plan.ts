import { createHash } from 'node:crypto';
import { inShare, type RenderShare } from './render-share';

// Which pages a build renders. Every dynamic route hands its pages to selectPages, which hashes
// each page's props — all a page shows besides the layout, which the plan's `globalKey` covers —
// and keeps only the pages whose hash differs from the release the build starts from. The
// integration (same process, other module instance: Vite bundles the pages) sets the plan up
// before the pages render and reads the hashes back after; globalThis is what both share.

/** A page's file in the output (`thoi-su/tieu-de-12.html`) → the hash of what it shows. */
export type PageHashes = Record<string, string>;

interface RenderPlan {
  /** Hashes of the release this build starts from; undefined renders every page. */
  base: PageHashes | undefined;
  /** The pages this process renders of a build shared by two (render-share.ts). */
  share: RenderShare | undefined;
  /** Every page of this build, rendered or not. */
  pages: Map<string, { hash: string; rendered: boolean }>;
  /** When the first route listed its pages: rendering starts then. */
  startedAt: number | undefined;
  /** Told, route by route, the pages kept from the base release, to link while others render. */
  onReused: ((files: string[]) => void) | undefined;
}

const KEY = Symbol.for('toasoan.render-plan');
const shared = globalThis as typeof globalThis & { [KEY]?: RenderPlan };

/**
 * Starts the plan of a build: render what differs from `base`, or everything without one; with
 * a share, only the pages of that share (the other process renders the rest).
 */
export function startRenderPlan(
  base: PageHashes | undefined,
  share?: RenderShare,
  onReused?: (files: string[]) => void,
): void {
  shared[KEY] = { base, share, pages: new Map(), startedAt: undefined, onReused };
}

/** The plan as the pages left it. */
export function finishRenderPlan(): RenderPlan {
  const plan = shared[KEY] ?? {
    base: undefined,
    share: undefined,
    pages: new Map(),
    startedAt: undefined,
    onReused: undefined,
  };
  shared[KEY] = undefined;
  return plan;
}

/**
 * An article is named by its version in a page's hash: its fields (and body) change only with
 * `updatedAt` while authors and categories stay as they were (the plan's globalKey covers those).
 * This keeps hashing cheap where a page lists many articles.
 */
function versionOfArticles(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'publicationTime' in value && 'documentId' in value) {
    const article = value as unknown as { documentId: string; updatedAt: string };
    return `${article.documentId}@${article.updatedAt}`;
  }
  return value;
}

export const hashProps = (route: string, props: unknown) =>
  createHash('sha1')
    .update(route)
    .update(JSON.stringify(props, versionOfArticles) ?? '')
    .digest('base64url');

/**
 * The pages of a route this build must render: all of them without a plan (`astro dev`, a
 * full build), else those that are new or whose props changed. Every page is recorded, so the
 * build can take the others from the release it starts from.
 */
export function selectPages<T extends { props?: unknown }>(
  route: string,
  entries: T[],
  fileOf: (entry: T) => string,
): T[] {
  const plan = shared[KEY];
  if (!plan) return entries;
  plan.startedAt ??= performance.now();
  const reused: string[] = [];
  const selected = entries.filter((entry) => {
    const file = fileOf(entry);
    const hash = hashProps(route, entry.props);
    const kept = plan.base?.[file] === hash;
    const rendered = !kept && (!plan.share || inShare(hash, plan.share));
    plan.pages.set(file, { hash, rendered });
    if (kept) reused.push(file);
    return rendered;
  });
  plan.onReused?.(reused);
  return selected;
}
