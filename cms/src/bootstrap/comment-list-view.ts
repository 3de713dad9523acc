import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/content-types';

/** The comment list's columns, in order, with their Vietnamese headings. */
export const COMMENT_LIST_COLUMNS: Record<string, string> = {
  name: 'Họ tên',
  body: 'Bình luận',
  article: 'Bài viết',
  moderation: 'Kiểm duyệt',
  createdAt: 'Gửi lúc',
};

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
interface ListViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Metadatas;
  layouts: { list: string[]; edit: unknown };
}

/** The parts of the content manager's service this step uses (untyped in @strapi/types). */
interface ContentTypesService {
  findContentType(uid: string): unknown;
  findConfiguration(contentType: unknown): Promise<ListViewConfiguration>;
  updateConfiguration(contentType: unknown, configuration: ListViewConfiguration): Promise<unknown>;
}

/**
 * Sets the admin's comment list for moderators on every start: newest first, with the columns a
 * decision needs (name, text, article by its title, state, time), many per page and bulk actions.
 * The content manager keeps this in its store, where the admin's "Configure the view" writes too:
 * code wins, like the permissions.
 */
export async function ensureCommentListView(strapi: Core.Strapi): Promise<void> {
  const service = strapi
    .plugin('content-manager')
    .service('content-types') as unknown as ContentTypesService;
  const contentType = service.findContentType(COMMENT_UID);
  const current = await service.findConfiguration(contentType);

  const metadatas: Metadatas = { ...current.metadatas };
  for (const [field, label] of Object.entries(COMMENT_LIST_COLUMNS)) {
    const meta = metadatas[field] ?? { edit: {}, list: {} };
    metadatas[field] = {
      edit: field === 'article' ? { ...meta.edit, mainField: 'title' } : meta.edit,
      list: { ...meta.list, label },
    };
  }
  const wanted: ListViewConfiguration = {
    ...current,
    settings: {
      ...current.settings,
      mainField: 'name',
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      bulkable: true,
      filterable: true,
      searchable: true,
      pageSize: 50,
    },
    metadatas,
    layouts: { ...current.layouts, list: Object.keys(COMMENT_LIST_COLUMNS) },
  };
  if (JSON.stringify(wanted) === JSON.stringify(current)) return;
  await service.updateConfiguration(contentType, wanted);
}
