import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, COMMENT_UID } from '../utils/content-types';

export const REPORTER_ROLE_CODE = 'toasoan-reporter';
export const EDITOR_ROLE_CODE = 'toasoan-editor';

const CONTENT_MANAGER = 'plugin::content-manager.explorer';
// Strapi's free condition: the entry's `createdBy` is the user asking.
const IS_CREATOR = 'admin::is-creator';
// Whether and when an article goes live is the editors' call, not the reporter's.
const EDITOR_ONLY_FIELDS = ['publicationTime', 'scheduledAt'];

/** An admin permission as the role service stores it. */
export interface AdminPermission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

interface ActionDefinition {
  actionId: string;
  subjects?: string[];
  options?: { applyToProperties?: string[] };
}
interface RoleService {
  create(data: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
}
interface ContentTypeService {
  getPermissionsWithNestedFields(actions: ActionDefinition[]): AdminPermission[];
}
interface PermissionService {
  actionProvider: { get(actionId: string): ActionDefinition | undefined };
}

// Every field but `omitFields`, nested ones included, as the admin's Roles screen writes them.
function contentPermissions(
  strapi: Core.Strapi,
  action: 'create' | 'read' | 'update' | 'delete' | 'publish',
  subjects: string[],
  { conditions = [], omitFields = [] }: { conditions?: string[]; omitFields?: string[] } = {},
): AdminPermission[] {
  const { actionProvider } = strapi.service('admin::permission') as unknown as PermissionService;
  const definition = actionProvider.get(`${CONTENT_MANAGER}.${action}`);
  if (!definition) throw new Error(`The admin action ${CONTENT_MANAGER}.${action} is missing.`);
  const contentTypes = strapi.service('admin::content-type') as unknown as ContentTypeService;
  return contentTypes
    .getPermissionsWithNestedFields([{ ...definition, subjects }])
    .map(({ action: actionId, subject, properties }) => ({
      action: actionId,
      subject,
      properties: properties?.fields
        ? {
            fields: properties.fields.filter(
              (field) => !omitFields.some((omit) => field === omit || field.startsWith(`${omit}.`)),
            ),
          }
        : {},
      conditions,
    }));
}

/** The media library: pictures anyone may use; `ownOnly` limits editing to one's own uploads. */
const mediaPermissions = ({ ownOnly }: { ownOnly: boolean }): AdminPermission[] => [
  { action: 'plugin::upload.read' },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions: ownOnly ? [IS_CREATOR] : [] },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

interface NewsroomRole {
  code: string;
  name: string;
  description: string;
  permissions(strapi: Core.Strapi): AdminPermission[];
}

export const NEWSROOM_ROLES: NewsroomRole[] = [
  {
    code: REPORTER_ROLE_CODE,
    name: 'Phóng viên',
    description:
      'Viết bài mới, sửa bài của mình, tải ảnh lên; không đăng bài, không sửa hay xóa bài của người khác.',
    permissions: (strapi) => [
      ...contentPermissions(strapi, 'create', [ARTICLE_UID], { omitFields: EDITOR_ONLY_FIELDS }),
      ...contentPermissions(strapi, 'read', [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID]),
      ...contentPermissions(strapi, 'update', [ARTICLE_UID], {
        conditions: [IS_CREATOR],
        omitFields: EDITOR_ONLY_FIELDS,
      }),
      ...contentPermissions(strapi, 'delete', [ARTICLE_UID], { conditions: [IS_CREATOR] }),
      ...mediaPermissions({ ownOnly: true }),
    ],
  },
  {
    code: EDITOR_ROLE_CODE,
    name: 'Biên tập viên',
    description:
      'Sửa và đăng mọi bài, hẹn giờ đăng, quản lý chuyên mục và tác giả, kiểm duyệt bình luận.',
    permissions: (strapi) => {
      const newsroom = [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID];
      return [
        ...contentPermissions(strapi, 'create', newsroom),
        ...contentPermissions(strapi, 'read', [...newsroom, COMMENT_UID]),
        ...contentPermissions(strapi, 'update', [...newsroom, COMMENT_UID]),
        ...contentPermissions(strapi, 'delete', [...newsroom, COMMENT_UID]),
        ...contentPermissions(strapi, 'publish', [ARTICLE_UID]),
        ...mediaPermissions({ ownOnly: false }),
      ];
    },
  },
];

/** Access rules live in code: a click in the Roles screen does not outlive a restart. */
export async function ensureNewsroomRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  for (const { code, name, description, permissions } of NEWSROOM_ROLES) {
    // By code; by name for a role someone made by hand before (role names are unique).
    const existing = (await strapi.db.query('admin::role').findOne({
      where: { $or: [{ code }, { name }] },
      orderBy: { id: 'asc' },
    })) as { id: number; code: string; name: string; description: string } | null;
    let id = existing?.id;
    if (!existing) {
      id = (await roles.create({ name, code, description })).id;
      strapi.log.info(`Created the admin role "${name}".`);
    } else if (
      existing.code !== code ||
      existing.name !== name ||
      existing.description !== description
    ) {
      await strapi.db
        .query('admin::role')
        .update({ where: { id }, data: { code, name, description } });
    }
    // Adds what is missing, removes what is not listed here, leaves the rest untouched.
    await roles.assignPermissions(id!, permissions(strapi));
  }
}

/** The id of a newsroom role (after bootstrap), for seeds and tests that give users a role. */
export async function newsroomRoleId(strapi: Core.Strapi, code: string): Promise<number> {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as {
    id: number;
  } | null;
  if (!role) throw new Error(`The admin role ${code} is missing: the CMS bootstrap did not run.`);
  return role.id;
}
