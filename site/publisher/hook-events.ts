/** What a CMS webhook said happened, as far as the publisher cares. */
export interface HookEvent {
  /** Strapi's event name (`entry.publish`, …), or `unknown` when the body was not Strapi's. */
  event: string;
  /** The content type's uid (`api::article.article`), when the body names one. */
  uid: string | undefined;
  /** Whether the published site may change, so a build is needed. */
  changesSite: boolean;
}

// Draft saves fire entry.create/update (entry.publish when live), new comments are pending and
// uploads are on no page yet: none needs a build.
const DRAFT_AND_PUBLISH_TYPES = new Set(['api::article.article']);
const IGNORED: Record<string, (uid: string | undefined) => boolean> = {
  'entry.create': (uid) => uid === 'api::comment.comment' || DRAFT_AND_PUBLISH_TYPES.has(uid ?? ''),
  'entry.update': (uid) => DRAFT_AND_PUBLISH_TYPES.has(uid ?? ''),
  'entry.draft-discard': () => true,
  'media.create': () => true,
};

/** Reads a Strapi webhook body; unknown counts as a change (a needless build beats a stale site). */
export function describeHook(body: string): HookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { event: 'unknown', uid: undefined, changesSite: true };
  }
  const record =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const event = typeof record.event === 'string' ? record.event : 'unknown';
  const uid = typeof record.uid === 'string' ? record.uid : undefined;
  // Content types of Strapi itself and of plugins (users, roles, releases) are on no page.
  const notContent = uid !== undefined && !uid.startsWith('api::');
  const ignored = notContent || (IGNORED[event]?.(uid) ?? false);
  return { event, uid, changesSite: !ignored };
}
