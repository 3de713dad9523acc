import type { Core } from '@strapi/strapi';

/** A document-service middleware, as accepted by `strapi.documents.use()`. */
export type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
export type DocumentMiddlewareContext = Parameters<DocumentMiddleware>[0];

/** What our middlewares read: Strapi's params type is a union too wide to narrow usefully. */
export interface WriteParams {
  documentId?: string;
  status?: 'draft' | 'published';
  data?: Record<string, unknown>;
}

export const writeParamsOf = (context: DocumentMiddlewareContext): WriteParams =>
  context.params as WriteParams;

/** Replaces the data the action will write; the document service reads `context.params` after the chain. */
export const replaceData = (
  context: DocumentMiddlewareContext,
  data: Record<string, unknown>,
): void => {
  (context as { params: WriteParams }).params = { ...writeParamsOf(context), data };
};

/** The actions that write a new or changed document from caller-supplied data. */
export const WRITE_ACTIONS = ['create', 'update', 'clone'] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/** The calls a middleware is about: content types (UIDs, or a test of the UID) and actions. */
export interface DocumentScope<Action extends string> {
  uids: readonly string[] | ((uid: string) => boolean);
  actions: readonly Action[];
}

type Next = Parameters<DocumentMiddleware>[1];
type ScopedContext<Action extends string> = DocumentMiddlewareContext & { action: Action };

/** Handles only the calls in `scope`; every other goes straight to `next()`, unchanged. */
export function scopedMiddleware<Action extends string>(
  scope: DocumentScope<Action>,
  handle: (context: ScopedContext<Action>, next: Next) => ReturnType<DocumentMiddleware>,
): DocumentMiddleware {
  const { uids, actions } = scope;
  const matchesUid = typeof uids === 'function' ? uids : (uid: string) => uids.includes(uid);
  const matchesAction = (action: string): action is Action =>
    (actions as readonly string[]).includes(action);
  return (context, next) =>
    matchesUid(context.uid) && matchesAction(context.action)
      ? handle(context as ScopedContext<Action>, next)
      : next();
}

export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
