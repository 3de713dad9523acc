import { createHash } from 'node:crypto';
import { inShare, type RenderShare } from './render-share';

// The integration and the pages (bundled by Vite: another module instance) share it on globalThis.

/** A page's file in the output (`thoi-su/tieu-de-12.html`) → the hash of what it shows. */
export type PageHashes = Record<string, string>;

interface RenderPlan {
  /** Hashes of the release this build starts from; undefined renders every page. */
  base: PageHashes | undefined;
  /** The pages this process renders of a build shared by two (render-share.ts). */
  share: RenderShare | undefined;
  pages: Map<string, { hash: string; rendered: boolean }>;
  /** When the first route listed its pages: rendering starts then. */
  startedAt: number | undefined;
  /** Told, route by route, the pages kept from the base release, to link while others render. */
  onReused: ((files: string[]) => void) | undefined;
}

const KEY = Symbol.for('toasoan.render-plan');
const shared = globalThis as typeof globalThis & { [KEY]?: RenderPlan };

export function startRenderPlan(
  base: PageHashes | undefined,
  share?: RenderShare,
  onReused?: (files: string[]) => void,
): void {
  shared[KEY] = { base, share, pages: new Map(), startedAt: undefined, onReused };
}

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

/** `documentId@updatedAt` keeps hashing cheap where a page lists many articles. */
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

/** All of them without a plan (`astro dev`); every page is recorded, so the rest can be linked. */
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
