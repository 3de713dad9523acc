import { adminApi, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useDispatch } from 'react-redux';

export const COMMENT_UID = 'api::comment.comment';

export type Moderation = 'pending' | 'approved' | 'rejected' | 'spam';

/** A comment's state as the moderator reads it in the list. */
export const MODERATION_LABELS: Record<Moderation, string> = {
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  spam: 'Spam',
};

/** The decisions, as the buttons name them. */
export const DECISIONS: Array<{
  moderation: Exclude<Moderation, 'pending'>;
  label: string;
  done: string;
}> = [
  { moderation: 'approved', label: 'Duyệt', done: 'Đã duyệt' },
  { moderation: 'rejected', label: 'Từ chối', done: 'Đã từ chối' },
  { moderation: 'spam', label: 'Đánh dấu spam', done: 'Đã đánh dấu spam' },
];

// The content manager's own update route, as an edit-and-save: each decision fires the
// "publisher" webhook and the site rebuilds. One at a time, as a moderator clicking would.
export function useModerationDecision() {
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const dispatch = useDispatch();

  return async (documentIds: string[], decision: (typeof DECISIONS)[number]): Promise<boolean> => {
    let done = 0;
    try {
      for (const documentId of documentIds) {
        await put(`/content-manager/collection-types/${COMMENT_UID}/${documentId}`, {
          moderation: decision.moderation,
        });
        done += 1;
      }
      toggleNotification({ type: 'success', message: `${decision.done} ${done} bình luận.` });
      return true;
    } catch {
      toggleNotification({
        type: 'danger',
        message: `Lỗi khi lưu: ${decision.done.toLowerCase()} ${done} trong ${documentIds.length} bình luận. Hãy thử lại.`,
      });
      return false;
    } finally {
      // The content manager's own tag for this list: it fetches the page again.
      dispatch(
        adminApi.util.invalidateTags([{ type: 'Document' as never, id: `${COMMENT_UID}_LIST` }]),
      );
    }
  };
}
