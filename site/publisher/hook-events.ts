/** What a CMS webhook said happened, as far as the publisher cares. */
export interface HookEvent {
  /** Strapi's event name (`entry.publish`, …), or `unknown` when the body was not Strapi's. */
  event: string;
  /** The content type's uid (`api::article.article`), when the body names one. */
  uid: string | undefined;
  /** Whether the published site may change, so a build is needed. */
  changesSite: boolean;
}

// Saving a draft changes nothing readers see: Strapi fires `entry.create`/`entry.update` for
// draft edits of draft-and-publish types and a separate `entry.publish` when it goes live, so
// only the latter needs a build. New comments are always pending (moderation fires
// `entry.update`), and a freshly uploaded file is not on any page yet.
const DRAFT_AND_PUBLISH_TYPES = new Set(['api::article.article']);
const IGNORED: Record<string, (uid: string | undefined) => boolean> = {
  'entry.create': (uid) => uid === 'api::comment.comment' || DRAFT_AND_PUBLISH_TYPES.has(uid ?? ''),
  'entry.update': (uid) => DRAFT_AND_PUBLISH_TYPES.has(uid ?? ''),
  'entry.draft-discard': () => true,
  'media.create': () => true,
};

/**
 * Reads a Strapi webhook body (`{ event, model, uid, entry }`). Anything it does not recognize
 * counts as a change: a needless build costs seconds, a missed one leaves the site stale.
 *
 * @example
 * describeHook('{"event":"entry.update","uid":"api::article.article"}').changesSite //=> false
 * describeHook('{"event":"entry.publish","uid":"api::article.article"}').changesSite //=> true
 */
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
