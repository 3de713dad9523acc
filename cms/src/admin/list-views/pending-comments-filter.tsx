import * as React from 'react';
import { useQueryParams } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { COMMENT_UID } from './moderation';

interface ListQuery {
  filters?: { $and?: Array<Record<string, unknown>> };
  [key: string]: unknown;
}

// Mounted in the list's action bar, so once per visit: a moderator who removes the filter sees
// every comment until they leave the list, and a state they picked themselves is kept.
export function PendingCommentsFilter() {
  const { pathname } = useLocation();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const isComments = pathname.includes(COMMENT_UID);

  React.useEffect(() => {
    if (!isComments) return;
    const filters = query.filters?.$and ?? [];
    if (filters.some((filter) => 'moderation' in filter)) return;
    setQuery(
      { filters: { $and: [...filters, { moderation: { $eq: 'pending' } }] }, page: 1 } as never,
      'push',
      true,
    );
    // Once per mount: later changes are the moderator's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isComments]);

  return null;
}
