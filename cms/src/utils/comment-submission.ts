import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateComment } from '@toasoan/shared';
import { ARTICLE_UID, COMMENT_UID } from './content-types';

/** What the site server sends: the reader's fields, the article, and who sent it. */
interface Submission {
  article?: unknown;
  name?: unknown;
  email?: unknown;
  body?: unknown;
  /** The reader's IP address: stored only as a keyed hash. */
  ip?: unknown;
  userAgent?: unknown;
}

const USER_AGENT_MAX = 255;
// A resend after a late answer is the stored comment; the site refuses the same text from one
// address within 10 minutes, so nothing else matches.
const REDELIVERY_WINDOW_MS = 10 * 60_000;

/** Comments are stored one at a time, so a second delivery sees the first one's row. */
let storing: Promise<unknown> = Promise.resolve();

/** Keyed with the first app key: a plain hash of an IPv4 is reversed in minutes. */
export function hashIp(strapi: Core.Strapi, ip: string): string {
  const [key] = strapi.config.get('server.app.keys', []) as string[];
  return createHmac('sha256', key ?? '')
    .update(ip)
    .digest('hex');
}

/** Always `pending`, whatever the request says; errors are ValidationErrors naming the field. */
export async function createComment(strapi: Core.Strapi, data: unknown) {
  const submission = (data && typeof data === 'object' ? data : {}) as Submission;
  const checked = validateComment(submission as Record<string, unknown>);
  if (!checked.ok) {
    throw new errors.ValidationError('Invalid comment', { errors: checked.errors });
  }
  const articleId = typeof submission.article === 'string' ? submission.article : '';
  const article =
    articleId &&
    (await strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId: articleId, status: 'published', fields: ['id'] }));
  if (!article) {
    throw new errors.ValidationError('The article does not exist or is not published', {
      errors: { article: 'Bài viết không tồn tại hoặc chưa được đăng.' },
    });
  }

  const ip = typeof submission.ip === 'string' && submission.ip ? submission.ip : undefined;
  const userAgent =
    typeof submission.userAgent === 'string'
      ? submission.userAgent.slice(0, USER_AGENT_MAX)
      : undefined;
  const ipHash = ip && hashIp(strapi, ip);
  const store = async () => {
    const earlier = await strapi.documents(COMMENT_UID).findFirst({
      filters: {
        ...checked.value,
        article: { documentId: articleId },
        ipHash: ipHash ?? { $null: true },
        createdAt: { $gt: new Date(Date.now() - REDELIVERY_WINDOW_MS).toISOString() },
      },
    });
    return (
      earlier ??
      strapi.documents(COMMENT_UID).create({
        data: {
          ...checked.value,
          article: articleId,
          moderation: 'pending',
          ipHash,
          userAgent,
        },
      })
    );
  };
  const stored = storing.then(store);
  storing = stored.catch(() => undefined);
  return stored;
}
