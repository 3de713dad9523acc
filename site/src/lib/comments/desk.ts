import type { CommentErrors } from '@toasoan/shared';

// The server (site/publisher) registers its desk for the process: the route's handler is reloaded
// when the code changes, and the desk's counters and queue must outlive that.

export interface CommentSubmission {
  fields: Record<string, string>;
  /** The connection's address; the desk decides whether X-Forwarded-For is believed. */
  peer: string;
  forwardedFor: string | null;
  userAgent: string;
}

export type SubmitOutcome =
  /** Stored for the CMS (or silently dropped as spam: the reader cannot tell). */
  | { status: 'received'; articlePath: string }
  | { status: 'invalid'; errors: CommentErrors & { article?: string } }
  | { status: 'limited'; retryAfterSeconds: number }
  | { status: 'duplicate' };

export interface CommentDesk {
  submit(submission: CommentSubmission): Promise<SubmitOutcome>;
}

const DESK = Symbol.for('toasoan.commentDesk');

export function registerCommentDesk(desk: CommentDesk | undefined): void {
  (globalThis as Record<symbol, unknown>)[DESK] = desk;
}

/** The server's desk; undefined outside it (`astro dev`, `astro preview`): the route answers 503. */
export function getCommentDesk(): CommentDesk | undefined {
  return (globalThis as Record<symbol, CommentDesk | undefined>)[DESK];
}

/** Names of the form's fields besides name, email and body. */
export const FORM_FIELDS = {
  article: 'article',
  /** The honeypot: hidden from people, filled in by bots. */
  honeypot: 'website',
  /** Milliseconds from the page's load to the submit, set by the script (absent without JS). */
  elapsed: 'elapsed',
} as const;

export const COMMENT_ROUTE = '/binh-luan/gui';
export const RECEIVED_ROUTE = '/binh-luan/da-nhan';

/** An article's path as the thank-you page accepts it back: ours, nothing else. */
export const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/;

export const OUTCOME_MESSAGES = {
  received: 'Cảm ơn bạn! Bình luận đã được gửi và đang chờ Ban biên tập duyệt trước khi hiển thị.',
  invalid: 'Bình luận chưa gửi được: xin sửa các ô được đánh dấu.',
  limited: 'Bạn gửi bình luận quá nhanh. Xin thử lại sau ít phút.',
  duplicate: 'Bạn vừa gửi bình luận này rồi: mỗi nội dung chỉ cần gửi một lần.',
  unavailable: 'Chức năng gửi bình luận tạm thời gián đoạn. Xin thử lại sau.',
  /** The body is not the form's (not form-encoded, or cut short). */
  malformed: 'Không đọc được nội dung gửi lên. Xin gửi bình luận từ khung dưới bài viết.',
  /** A GET (a link or a reload of the form's address): the route only takes the form's POST. */
  method: 'Địa chỉ này chỉ nhận bình luận gửi từ khung dưới mỗi bài viết.',
} as const;
