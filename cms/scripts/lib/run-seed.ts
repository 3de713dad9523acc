import type { Core } from '@strapi/strapi';
import * as newsroom from '../../data/newsroom';
import { ensureDemoAdmin, ensureDemoStaff } from './demo-admin';
import { seedAuthors, seedCategories, seedSampleArticles } from './newsroom';
import { seedSyntheticArticles } from './synthetic';

export interface SeedOptions {
  /** Synthetic published articles that must exist (numbered 1..N); 0 for none. */
  synthetic: number;
  /** Whether to create the sample articles (categories and authors are always upserted). */
  sample: boolean;
  demoAdmin: { email: string; password: string } | null;
}

/** Seeds a loaded Strapi; every step is idempotent. */
export async function runSeed(
  strapi: Core.Strapi,
  options: SeedOptions,
  log: (line: string) => void,
): Promise<void> {
  const categories = await seedCategories(strapi, newsroom.categories, log);
  const authors = await seedAuthors(strapi, newsroom.authors, log);
  const ids = { categories, authors };

  if (options.sample) await seedSampleArticles(strapi, newsroom.articles, ids, log);
  else log('sample articles: skipped (--no-sample)');

  if (options.synthetic > 0) await seedSyntheticArticles(strapi, options.synthetic, ids, log);

  if (options.demoAdmin) {
    await ensureDemoAdmin(strapi, options.demoAdmin, log);
    await ensureDemoStaff(strapi, newsroom.staffLogins(), options.demoAdmin.password, log);
  } else log('demo admin and staff: skipped (DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD not set)');
}
