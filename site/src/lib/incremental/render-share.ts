// A full build of a large archive renders on both cores: the publisher's build (the lead) asks
// for a partner once it holds the data; the partner reads that data, renders its share of the
// pages into a folder of its own, and the lead links those pages into its release. Only the
// publisher's builds (publisher/astro-standby.mjs) can have a partner; a plain `astro build`
// renders everything itself.

/** Which of a build's pages a process renders: those whose hash falls to `index` of `of`. */
export interface RenderShare {
  index: number;
  of: number;
}

/** The lead's share and its partner's. */
export const LEAD_SHARE: RenderShare = { index: 0, of: 2 };
export const PARTNER_SHARE: RenderShare = { index: 1, of: 2 };

/**
 * Below this many articles a full build takes a partner only if one waits bundled: starting one
 * (bundling, ~5 s of CPU) would cost more than half the rendering saves.
 */
export const PARTNER_FROM_ARTICLES = 2_000;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A page's hash (base64url) decides its share: the same in every process of the build. Its first
 * character holds six bits of the digest; the last holds only four (a sha1 is 160 bits), 13 of
 * whose 16 letters have odd char codes, which once gave the partner 81 % of the pages.
 */
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

/** This process's partner job, when the publisher started it as a lead's partner. */
export async function partnerJob(): Promise<PartnerJob | undefined> {
  return (await gate()?.job)?.partner;
}

/**
 * Asks the publisher for a partner (a lead's full build): the folder its pages will be in, or
 * undefined to render everything here (no publisher, or no process to spare).
 */
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
