import type { Core } from '@strapi/strapi';

/** A document-service middleware, as accepted by `strapi.documents.use()`. */
export type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
export type DocumentMiddlewareContext = Parameters<DocumentMiddleware>[0];

/**
 * The part of the params of create/update/clone/publish our middlewares read. Strapi's own
 * params type is a union over every content type and action, too wide to narrow usefully here.
 */
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
export type WriteAction = 'create' | 'update' | 'clone';
export const isWriteAction = (action: string): action is WriteAction =>
  action === 'create' || action === 'update' || action === 'clone';

export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
