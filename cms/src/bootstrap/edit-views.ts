import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, COMMENT_UID } from '../utils/content-types';

/** What a field shows in the edit form. `editable: false`: shown, but filled in by the CMS. */
export interface EditField {
  label: string;
  description?: string;
  placeholder?: string;
  editable?: boolean;
  /** For a relation: the related entry's field shown in the picker. */
  mainField?: string;
}

/** One edit view: its fields' texts, and its rows of [field, width out of 12]. */
export interface EditView {
  fields: Record<string, EditField>;
  rows: Array<Array<[field: string, size: number]>>;
}

const SLUG: EditField = {
  label: 'Đường dẫn',
  description: 'Tạo tự động từ tên khi lưu lần đầu.',
  editable: false,
};

/** The newsroom's edit forms. A field left out of `rows` is not shown. */
export const EDIT_VIEWS: Record<string, EditView> = {
  [ARTICLE_UID]: {
    fields: {
      title: { label: 'Tiêu đề', placeholder: 'Tiêu đề bài viết' },
      sapo: {
        label: 'Sa-pô',
        description: 'Đoạn mở đầu in đậm dưới tiêu đề.',
        placeholder: 'Tóm tắt bài trong một, hai câu',
      },
      body: { label: 'Nội dung' },
      cover: { label: 'Ảnh bìa' },
      coverCaption: {
        label: 'Chú thích ảnh',
        description: 'Hiện dưới ảnh bìa.',
        placeholder: 'Chú thích ảnh bìa',
      },
      category: { label: 'Chuyên mục', mainField: 'name' },
      // Both date-times are entered and shown in GMT+7 (src/admin/edit-views/gmt7-datetime-input.tsx).
      publicationTime: {
        label: 'Thời gian đăng (GMT+7)',
        description: 'Để trống: lấy thời điểm xuất bản lần đầu.',
      },
      scheduledAt: {
        label: 'Hẹn giờ đăng (GMT+7)',
        description: 'Bài tự đăng vào giờ này (bản nháp đang lưu). Chỉ biên tập viên đặt được.',
      },
      credits: {
        label: 'Tác giả bài',
        description: 'Dòng ký tên cuối bài, ví dụ "Bài, ảnh: TRƯỜNG SƠN".',
      },
      tags: {
        label: 'Từ khóa',
        description: 'Danh sách trong ngoặc vuông, ví dụ ["giao thông", "nông thôn mới"].',
      },
      seoDescription: {
        label: 'Mô tả cho công cụ tìm kiếm',
        description: 'Để trống: dùng sa-pô.',
      },
      slug: { ...SLUG, description: 'Tạo tự động từ tiêu đề khi lưu lần đầu.' },
      number: {
        label: 'Số bài',
        description: 'Cấp tự động; là số cuối đường dẫn của bài.',
        editable: false,
      },
    },
    rows: [
      [['title', 12]],
      [['sapo', 12]],
      [['body', 12]],
      [
        ['cover', 6],
        ['coverCaption', 6],
      ],
      [
        ['category', 6],
        ['publicationTime', 6],
      ],
      [['scheduledAt', 6]],
      [['credits', 12]],
      [['tags', 12]],
      [['seoDescription', 12]],
      [
        ['slug', 8],
        ['number', 4],
      ],
    ],
  },
  [AUTHOR_UID]: {
    fields: {
      name: { label: 'Họ tên', placeholder: 'Họ tên hoặc bút danh' },
      bio: { label: 'Giới thiệu', placeholder: 'Vài dòng về tác giả' },
      avatar: { label: 'Ảnh chân dung' },
      email: { label: 'Email', description: 'Chỉ tòa soạn thấy, không hiện trên trang.' },
      slug: SLUG,
    },
    rows: [
      [
        ['name', 6],
        ['email', 6],
      ],
      [
        ['bio', 6],
        ['avatar', 6],
      ],
      [['slug', 6]],
    ],
  },
  [CATEGORY_UID]: {
    fields: {
      name: { label: 'Tên chuyên mục', placeholder: 'Ví dụ: Thời sự' },
      description: { label: 'Mô tả' },
      order: { label: 'Thứ tự trên menu', description: 'Số nhỏ đứng trước.' },
      slug: SLUG,
    },
    rows: [
      [
        ['name', 6],
        ['order', 4],
      ],
      [['description', 12]],
      [['slug', 6]],
    ],
  },
  [COMMENT_UID]: {
    fields: {
      article: { label: 'Bài viết', mainField: 'title' },
      name: { label: 'Họ tên' },
      email: { label: 'Email', description: 'Của bạn đọc; không hiện trên trang.' },
      body: { label: 'Bình luận' },
      moderation: {
        label: 'Kiểm duyệt',
        description: 'Chỉ bình luận đã duyệt hiện trên trang.',
      },
    },
    rows: [
      [
        ['moderation', 6],
        ['article', 6],
      ],
      [
        ['name', 6],
        ['email', 6],
      ],
      [['body', 12]],
    ],
  },
};

export const COMPONENT_EDIT_VIEWS: Record<string, EditView> = {
  'article.credit': {
    fields: {
      role: { label: 'Vai trò' },
      author: { label: 'Tác giả', mainField: 'name' },
    },
    rows: [
      [
        ['role', 6],
        ['author', 6],
      ],
    ],
  },
};

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Metadatas;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

/** The content manager's services for content types and components (untyped in @strapi/types). */
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Configuration): Promise<unknown>;
}

/** At each start; code wins over "Configure the view", and only what differs is written. */
export async function ensureEditViews(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service(
    'content-types',
  ) as unknown as ConfigurationService & {
    findContentType(uid: string): unknown;
  };
  const components = contentManager.service('components') as unknown as ConfigurationService & {
    findComponent(uid: string): unknown;
  };

  for (const [uid, view] of Object.entries(EDIT_VIEWS)) {
    await applyEditView(contentTypes, contentTypes.findContentType(uid), view);
  }
  for (const [uid, view] of Object.entries(COMPONENT_EDIT_VIEWS)) {
    await applyEditView(components, components.findComponent(uid), view);
  }
}

async function applyEditView(
  service: ConfigurationService,
  model: unknown,
  view: EditView,
): Promise<void> {
  const current = await service.findConfiguration(model);
  const metadatas: Metadatas = { ...current.metadatas };
  for (const [field, text] of Object.entries(view.fields)) {
    const meta = metadatas[field] ?? { edit: {}, list: {} };
    metadatas[field] = {
      ...meta,
      edit: {
        ...meta.edit,
        label: text.label,
        description: text.description ?? '',
        placeholder: text.placeholder ?? '',
        editable: text.editable ?? true,
        visible: true,
        ...(text.mainField ? { mainField: text.mainField } : {}),
      },
    };
  }
  const wanted: Configuration = {
    settings: current.settings,
    metadatas,
    layouts: {
      ...current.layouts,
      edit: view.rows.map((row) => row.map(([name, size]) => ({ name, size }))),
    },
  };
  // Strapi's own sync at start may reorder keys: compare values, not JSON text.
  const unchanged =
    isDeepStrictEqual(wanted.metadatas, current.metadatas) &&
    isDeepStrictEqual(wanted.layouts, current.layouts);
  if (unchanged) return;
  await service.updateConfiguration(model, wanted);
}
