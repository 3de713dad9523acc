import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

// Moderation is its own field, `moderation`: a field named `status` collides with Strapi 5's
// draft & publish `status` parameter, and the admin then refuses "approved" as an invalid status.

let cms: TestCms;
let adminJwt: string;
let articleId: string;

beforeAll(async () => {
  cms = await startCms();
  adminJwt = await registerFirstAdmin(cms.url);
  articleId = (await fixtures(cms.strapi).article({ title: 'Bài có bình luận' }, 'published'))
    .documentId;
});

afterAll(async () => {
  await cms?.stop();
});

/** A reader's comment as the site forwards it: no moderation value of its own. */
const submitComment = (body: string) =>
  cms.strapi.documents('api::comment.comment').create({
    // The generated input type demands `moderation`, which the schema defaults to "pending".
    data: { name: 'Bạn đọc', email: 'ban-doc@example.vn', body, article: articleId } as never,
  });

describe('comment moderation', () => {
  it('keeps a new comment pending', async () => {
    const comment = await submitComment('Hay');
    expect(comment.moderation).toBe('pending');
  });

  it('lets an editor approve a comment in the admin', async () => {
    const comment = await submitComment('Cảm ơn');
    const response = await fetch(
      `${cms.url}/content-manager/collection-types/api::comment.comment/${comment.documentId}`,
      {
        method: 'PUT',
        headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ moderation: 'approved' }),
      },
    );
    expect(response.status).toBe(200);
    const stored = await cms.strapi
      .documents('api::comment.comment')
      .findOne({ documentId: comment.documentId });
    expect(stored?.moderation).toBe('approved');
  });
});
