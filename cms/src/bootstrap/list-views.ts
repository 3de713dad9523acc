import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, COMMENT_UID } from '../utils/content-types';

/** One column of a list: its Vietnamese heading; for a relation, the related field shown. */
export interface ListColumn {
  label: string;
  mainField?: string;
}

/** One list view of the content manager: its columns in order and how it opens. */
export interface ListView {
  columns: Record<string, ListColumn>;
  /** The field an entry's link shows (the list's first column). */
  mainField: string;
  sortBy: string;
  sortOrder: 'ASC' | 'DESC';
  pageSize: number;
}

/** The content manager adds the articles' draft/published column and filter itself. */
export const LIST_VIEWS: Record<string, ListView> = {
  [COMMENT_UID]: {
    columns: {
      name: { label: 'Họ tên' },
      body: { label: 'Bình luận' },
      article: { label: 'Bài viết', mainField: 'title' },
      moderation: { label: 'Kiểm duyệt' },
      createdAt: { label: 'Gửi lúc' },
    },
    mainField: 'name',
    sortBy: 'createdAt',
    sortOrder: 'DESC',
    pageSize: 50,
  },
  [ARTICLE_UID]: {
    columns: {
      title: { label: 'Tiêu đề' },
      category: { label: 'Chuyên mục', mainField: 'name' },
      credits: { label: 'Tác giả' },
      publicationTime: { label: 'Thời gian đăng' },
    },
    mainField: 'title',
    sortBy: 'createdAt',
    sortOrder: 'DESC',
    pageSize: 20,
  },
};

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Metadatas;
  layouts: { list: string[]; edit: unknown };
}

/** The parts of the content manager's service this step uses (untyped in @strapi/types). */
interface ContentTypesService {
  findContentType(uid: string): unknown;
  findConfiguration(contentType: unknown): Promise<Configuration>;
  updateConfiguration(contentType: unknown, configuration: Configuration): Promise<unknown>;
}

/** At each start; code wins over "Configure the view", and only what differs is written. */
export async function ensureListViews(strapi: Core.Strapi): Promise<void> {
  for (const [uid, view] of Object.entries(LIST_VIEWS)) await ensureListView(strapi, uid, view);
}

async function ensureListView(strapi: Core.Strapi, uid: string, view: ListView): Promise<void> {
  const service = strapi
    .plugin('content-manager')
    .service('content-types') as unknown as ContentTypesService;
  const contentType = service.findContentType(uid);
  const current = await service.findConfiguration(contentType);

  const metadatas: Metadatas = { ...current.metadatas };
  for (const [field, { label, mainField }] of Object.entries(view.columns)) {
    const meta = metadatas[field] ?? { edit: {}, list: {} };
    metadatas[field] = {
      // A relation's cell shows the related entry's `edit.mainField`.
      edit: mainField ? { ...meta.edit, mainField } : meta.edit,
      list: { ...meta.list, label },
    };
  }
  const wanted: Configuration = {
    ...current,
    settings: {
      ...current.settings,
      mainField: view.mainField,
      defaultSortBy: view.sortBy,
      defaultSortOrder: view.sortOrder,
      bulkable: true,
      filterable: true,
      searchable: true,
      pageSize: view.pageSize,
    },
    metadatas,
    layouts: { ...current.layouts, list: Object.keys(view.columns) },
  };
  if (JSON.stringify(wanted) === JSON.stringify(current)) return;
  await service.updateConfiguration(contentType, wanted);
}
