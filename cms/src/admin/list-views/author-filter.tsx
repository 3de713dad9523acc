import * as React from 'react';
import { getFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useLocation } from 'react-router-dom';
import { filterSelect, type FilterOption } from './filter-select';

/** One filter of the list, as 'Admin/CM/pages/ListView/inject-in-filters' passes them. */
interface Filter {
  name: string;
  [key: string]: unknown;
}

const AUTHOR_UID = 'api::author.author';

// Filled once per session; the filter's select and its tag ("Tác giả là MAI LAN") read it.
const authorOptions: FilterOption[] = [];
let loading: Promise<void> | undefined;

function loadAuthors(): Promise<void> {
  return (loading ??= getFetchClient()
    .get(`/content-manager/collection-types/${AUTHOR_UID}`, {
      params: { page: 1, pageSize: 1000, sort: 'name:ASC' },
    })
    .then((response) => {
      const { results } = response.data as { results: Array<{ id: number; name: string }> };
      authorOptions.splice(
        0,
        authorOptions.length,
        ...results.map((author) => ({ label: author.name, value: String(author.id) })),
      );
    })
    .catch(() => {
      loading = undefined;
    }));
}

/** Redraws the list once the authors are known, so a tag drawn before shows a name, not an id. */
export function AuthorNamesLoader() {
  const { pathname } = useLocation();
  const [, setQuery] = useQueryParams();
  React.useEffect(() => {
    if (!pathname.includes('api::article.article')) return;
    let live = true;
    void loadAuthors().then(() => live && setQuery({}, 'push', true));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return null;
}

/** The filter's value: an author picked by name (the value is the author's id). */
const AuthorInput = filterSelect('Tác giả', 'Chọn tác giả', authorOptions);

// The content manager offers no filter on a repeatable component; the list route accepts the
// `filters[$and][i][credits][author][$eq]=<author id>` this one makes.
export function injectAuthorFilter({
  displayedFilters,
  layout,
}: {
  displayedFilters: Filter[];
  layout: { metadatas?: Record<string, unknown> };
}) {
  // Only articles have credits.
  if (!layout?.metadatas || !('credits' in layout.metadatas)) return { displayedFilters, layout };
  void loadAuthors();
  return {
    layout,
    displayedFilters: [
      ...displayedFilters.filter((filter) => filter.name !== 'credits'),
      {
        name: 'credits',
        label: 'Tác giả',
        type: 'relation',
        mainField: { name: 'author', type: 'enumeration' },
        input: AuthorInput,
        options: authorOptions,
        operators: [{ label: 'là', value: '$eq' }],
      },
    ],
  };
}
