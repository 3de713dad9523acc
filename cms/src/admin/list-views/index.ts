import type { StrapiApp } from '@strapi/strapi/admin';
import { AuthorNamesLoader, injectAuthorFilter } from './author-filter';
import { injectNewsroomColumns } from './columns';
import { moderationBulkActions, moderationRowActions } from './moderation-actions';
import { injectModerationFilter } from './moderation-filter';
import { PendingCommentsFilter } from './pending-comments-filter';

/** The lists' columns and order are set at the CMS's bootstrap (src/bootstrap/list-views.ts). */
export function registerListViews(app: StrapiApp): void {
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', injectNewsroomColumns);
  app.registerHook('Admin/CM/pages/ListView/inject-in-filters', injectAuthorFilter);
  app.registerHook('Admin/CM/pages/ListView/inject-in-filters', injectModerationFilter);
  const contentManager = app.getPlugin('content-manager') as unknown as {
    apis: {
      addBulkAction(actions: unknown[]): void;
      addDocumentAction(actions: unknown[]): void;
    };
    injectComponent(
      view: string,
      zone: string,
      component: { name: string; Component: () => null },
    ): void;
  };
  contentManager.injectComponent('listView', 'actions', {
    name: 'toasoan-pending-comments',
    Component: PendingCommentsFilter,
  });
  contentManager.injectComponent('listView', 'actions', {
    name: 'toasoan-author-names',
    Component: AuthorNamesLoader,
  });
  contentManager.apis.addBulkAction(moderationBulkActions);
  contentManager.apis.addDocumentAction(moderationRowActions);
}
