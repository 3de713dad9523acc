// A full build on two processes (lead and partner): README, "Incremental builds".

/** Which of a build's pages a process renders: those whose hash falls to `index` of `of`. */
export interface RenderShare {
  index: number;
  of: number;
}

export const LEAD_SHARE: RenderShare = { index: 0, of: 2 };
export const PARTNER_SHARE: RenderShare = { index: 1, of: 2 };

/** Below this, a partner only if one waits bundled: starting one (~5 s of CPU) costs more. */
export const PARTNER_FROM_ARTICLES = 2_000;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// The first character: the last holds only four bits of a sha1, 13 of whose 16 letters have odd
// char codes, which once gave the partner 81 % of the pages.
export const inShare = (hash: string, share: RenderShare) =>
  BASE64URL.indexOf(hash[0] ?? 'A') % share.of === share.index;

/** A partner's job, as the publisher hands it over. */
export interface PartnerJob {
  share: RenderShare;
  /** The lead's site data (saveSiteData), read instead of asking the CMS again. */
  dataFile: string;
}

/** What astro-standby.mjs shares with the build it runs (see there). */
interface PublisherGate {
  job: Promise<{ partner?: PartnerJob } | undefined>;
  askForPartner(request: { articles: number; dataFile: string }): Promise<string | undefined>;
  partnerExit(): Promise<{ code: number | null; outputTail: string }>;
}

const gate = () =>
  (globalThis as Record<symbol, PublisherGate | undefined>)[
    Symbol.for('toasoan.publisher.standby')
  ];

export async function partnerJob(): Promise<PartnerJob | undefined> {
  return (await gate()?.job)?.partner;
}

/** The partner's folder, or undefined: render everything here (no publisher, none to spare). */
export async function askForPartner(articles: number, dataFile: string) {
  return gate()?.askForPartner({ articles, dataFile });
}

/** Waits for the partner to finish; throws with its output when it failed. */
export async function partnerFinished(): Promise<void> {
  const exit = await gate()!.partnerExit();
  if (exit.code !== 0) {
    throw new Error(
      `The second process of this full build failed (exit code ${exit.code}):\n${exit.outputTail}`,
    );
  }
}
