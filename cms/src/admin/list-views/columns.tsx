import * as React from 'react';
import { Badge, Typography } from '@strapi/design-system';
import { getFetchClient } from '@strapi/strapi/admin';
// The source module, not the package: the package's index also brings the Markdown renderer.
import { formatGmt7 } from '../../../../shared/src/date';
import { MODERATION_LABELS, type Moderation } from './moderation';

/** What the content manager passes through 'Admin/CM/pages/ListView/inject-column-in-table'. */
interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, any>) => React.ReactNode;
  [key: string]: unknown;
}

const BADGE_COLOURS: Record<Moderation, { backgroundColor: string; textColor: string }> = {
  pending: { backgroundColor: 'warning100', textColor: 'warning700' },
  approved: { backgroundColor: 'success100', textColor: 'success700' },
  rejected: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  spam: { backgroundColor: 'danger100', textColor: 'danger700' },
};

/** Times as the paper prints them, whatever the browser's zone; states as badges; bylines. */
export function injectNewsroomColumns({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: Header[];
  layout: unknown;
}) {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header): Header => {
      if (header.attribute?.type === 'datetime') {
        return { ...header, cellFormatter: (row) => <Time value={row[header.name]} /> };
      }
      if (header.name === 'moderation') {
        return { ...header, cellFormatter: (row) => <ModerationBadge value={row.moderation} /> };
      }
      if (header.name === 'credits') {
        return {
          ...header,
          sortable: false,
          cellFormatter: (row) => <Byline documentId={row.documentId} version={row.updatedAt} />,
        };
      }
      return header;
    }),
  };
}

const Time = ({ value }: { value?: string | null }) => (
  <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
    {value ? formatGmt7(value) : '-'}
  </Typography>
);

const ModerationBadge = ({ value }: { value?: Moderation }) =>
  value && MODERATION_LABELS[value] ? (
    <Badge {...BADGE_COLOURS[value]}>{MODERATION_LABELS[value]}</Badge>
  ) : (
    <Typography textColor="neutral800">-</Typography>
  );

const Byline = ({ documentId, version }: { documentId: string; version?: string }) => {
  const [byline, setByline] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    loadByline(documentId, version ?? '').then((text) => live && setByline(text));
    return () => {
      live = false;
    };
  }, [documentId, version]);
  return (
    <Typography textColor="neutral800">{byline === undefined ? '…' : byline || '-'}</Typography>
  );
};

// The rows of a page ask in the same tick: one request for all of them.
const bylines = new Map<string, Promise<string>>();
let batch: Map<string, (byline: string) => void> | undefined;

function loadByline(documentId: string, version: string): Promise<string> {
  const key = `${documentId}@${version}`;
  let promise = bylines.get(key);
  if (!promise) {
    promise = new Promise<string>((resolve) => {
      if (!batch) {
        const current = (batch = new Map());
        queueMicrotask(() => {
          batch = undefined;
          void fetchBylines(current);
        });
      }
      batch.set(documentId, resolve);
    });
    bylines.set(key, promise);
  }
  return promise;
}

async function fetchBylines(requests: Map<string, (byline: string) => void>): Promise<void> {
  let data: Record<string, string> = {};
  try {
    const response = await getFetchClient().get('/toasoan/article-bylines', {
      params: { documentIds: [...requests.keys()].join(',') },
    });
    data = (response.data as { data: Record<string, string> }).data;
  } catch {
    // An empty cell rather than a broken list; the article's own page shows its credits.
  }
  for (const [documentId, resolve] of requests) resolve(data[documentId] ?? '');
}
