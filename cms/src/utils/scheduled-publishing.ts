import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from './content-types';

// The part of the article document service used here (see publish-updates.ts for why).
interface DraftAndPublishService {
  publish(params: { documentId: string }): Promise<unknown>;
}

interface DueDraft {
  id: number;
  documentId: string;
  title: string;
}

// One run's share; the rest waits for the next run (seconds later), so a run stays short.
const BATCH = 50;

// A run still going when the next is due (a slow database) is not doubled in this process.
let running: Promise<number> | null = null;

// Several instances may run it at once: each article is claimed by a conditional UPDATE in its
// publish's transaction (cms/README.md, "Scheduled publishing").
export function publishDueArticles(strapi: Core.Strapi, now = new Date()): Promise<number> {
  running ??= runOnce(strapi, now).finally(() => {
    running = null;
  });
  return running;
}

async function runOnce(strapi: Core.Strapi, now: Date): Promise<number> {
  const due = (await strapi.db.query(ARTICLE_UID).findMany({
    select: ['id', 'documentId', 'title'],
    where: { publishedAt: null, scheduledAt: { $lte: now } },
    orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
    limit: BATCH,
  })) as DueDraft[];

  let published = 0;
  for (const draft of due) {
    try {
      if (await publishClaimed(strapi, draft, now)) published++;
    } catch (error) {
      strapi.log.error(
        `Scheduled publishing: "${draft.title}" (${draft.documentId}) could not be published; ` +
          `retrying at the next run. ${(error as Error).message}`,
      );
    }
  }
  if (published > 0) strapi.log.info(`Scheduled publishing: ${published} article(s) published.`);
  return published;
}

async function publishClaimed(strapi: Core.Strapi, draft: DueDraft, now: Date): Promise<boolean> {
  return await strapi.db.transaction(async () => {
    const { count } = await strapi.db.query(ARTICLE_UID).updateMany({
      where: { id: draft.id, publishedAt: null, scheduledAt: { $notNull: true, $lte: now } },
      data: { scheduledAt: null },
    });
    // Another instance published it, or an editor changed or removed the time meanwhile.
    if (count !== 1) return false;
    const articles = strapi.documents(ARTICLE_UID) as unknown as DraftAndPublishService;
    await articles.publish({ documentId: draft.documentId });
    return true;
  });
}

/** In the six-field syntax of Strapi's cron (croner). */
export function scheduleCheckRule(seconds: number): string {
  if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 59) return `*/${seconds} * * * * *`;
  if (Number.isInteger(seconds) && seconds % 60 === 0 && seconds >= 60 && seconds <= 3600) {
    return seconds === 3600 ? '0 0 * * * *' : `0 */${seconds / 60} * * * *`;
  }
  throw new Error(
    `SCHEDULE_CHECK_SECONDS must be 1 to 59, or whole minutes up to 3600 (0 turns the check off), not ${seconds}.`,
  );
}
