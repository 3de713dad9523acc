import { createHash } from 'node:crypto';
import path from 'node:path';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { validateComment } from '@toasoan/shared';
import type { CommentDesk, CommentSubmission, SubmitOutcome } from '../src/lib/comments/desk';
import { FORM_FIELDS } from '../src/lib/comments/desk';
import { RELEASE_FILES } from '../src/lib/incremental/release-files';
import { readSiteDataFile } from '../src/lib/strapi/site-data-file';
import { articlePath } from '../src/lib/urls';
import { clientIp } from './client-ip';
import type { CommentQueue } from './comment-queue';
import type { Logger } from './log';
import type { ReleaseStore } from './releases';

export interface CommentDeskLimits {
  perMinute: number;
  perHour: number;
  /** The same text from the same address within this time is refused. */
  duplicateWindowMs: number;
  /** A submit sooner than this after the page loaded (known with JavaScript only) is a bot's. */
  minimumTypingMs: number;
}

export const DEFAULT_LIMITS: CommentDeskLimits = {
  perMinute: 5,
  perHour: 30,
  duplicateWindowMs: 10 * 60_000,
  minimumTypingMs: 3_000,
};

/** The comment route's rules and queue, kept here: its handler is reloaded with the code. */
export class SiteCommentDesk implements CommentDesk {
  readonly #store: ReleaseStore;
  readonly #queue: CommentQueue;
  readonly #logger: Logger;
  readonly #limits: CommentDeskLimits;
  readonly #trustedProxies: string[];
  readonly #perMinute: RateLimiterMemory;
  readonly #perHour: RateLimiterMemory;
  /** Hash of address and text → when it may be sent again. */
  readonly #recent = new Map<string, number>();
  #articles: { release: string; paths: Promise<Map<string, string>> } | undefined;

  constructor(options: {
    store: ReleaseStore;
    queue: CommentQueue;
    logger: Logger;
    trustedProxies?: string[];
    limits?: Partial<CommentDeskLimits>;
  }) {
    this.#trustedProxies = options.trustedProxies ?? [];
    this.#store = options.store;
    this.#queue = options.queue;
    this.#logger = options.logger;
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.#perMinute = new RateLimiterMemory({ points: this.#limits.perMinute, duration: 60 });
    this.#perHour = new RateLimiterMemory({ points: this.#limits.perHour, duration: 3_600 });
  }

  async submit({
    fields,
    peer,
    forwardedFor,
    userAgent,
  }: CommentSubmission): Promise<SubmitOutcome> {
    const ip = clientIp(peer, forwardedFor, this.#trustedProxies);
    const articleId = fields[FORM_FIELDS.article] ?? '';
    const articlePath = (await this.#articlePaths()).get(articleId);

    const checked = validateComment(fields);
    if (!checked.ok || !articlePath) {
      const errors = checked.ok ? {} : checked.errors;
      return {
        status: 'invalid',
        errors: articlePath
          ? errors
          : { ...errors, article: 'Bài viết không tồn tại hoặc đã bị gỡ.' },
      };
    }

    // Mistakes are shown first, so a quick reader who left a field short learns it. A well-formed
    // comment from a bot is thanked like everyone's and goes nowhere: telling it would teach it.
    const elapsed = Number(fields[FORM_FIELDS.elapsed]);
    const tooFast = Number.isFinite(elapsed) && elapsed < this.#limits.minimumTypingMs;
    if (fields[FORM_FIELDS.honeypot] || tooFast) {
      this.#logger.info(
        `comment from ${ip} dropped as spam (${tooFast ? 'too fast' : 'honeypot'})`,
      );
      return { status: 'received', articlePath: articlePath ?? '/' };
    }

    try {
      await Promise.all([this.#perMinute.consume(ip), this.#perHour.consume(ip)]);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { status: 'limited', retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    }

    const key = createHash('sha256').update(`${ip}\0${checked.value.body}`).digest('hex');
    const now = Date.now();
    for (const [old, until] of this.#recent) if (until <= now) this.#recent.delete(old);
    if (this.#recent.has(key)) return { status: 'duplicate' };
    this.#recent.set(key, now + this.#limits.duplicateWindowMs);

    try {
      await this.#queue.add({ article: articleId, ...checked.value, ip, userAgent });
    } catch (error) {
      // Not stored (a full disk): the reader's next try is not a duplicate.
      this.#recent.delete(key);
      throw error;
    }
    return { status: 'received', articlePath };
  }

  /** documentId → path of every article of the live release, read once per release. */
  #articlePaths(): Promise<Map<string, string>> {
    return this.#store.liveId().then((release) => {
      if (!release) return new Map();
      if (this.#articles?.release !== release) {
        const file = path.join(this.#store.releaseDir(release), RELEASE_FILES, 'site-data.json');
        this.#articles = {
          release,
          paths: readSiteDataFile(file).then(
            (data) =>
              new Map(
                (data?.articles ?? []).map((article) => [article.documentId, articlePath(article)]),
              ),
          ),
        };
      }
      return this.#articles.paths;
    });
  }
}
