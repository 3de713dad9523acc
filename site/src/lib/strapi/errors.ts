import { StrapiError } from './client';

/** One sentence naming the fix, for what the person running the build can solve. */
export class SiteDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SiteDataError';
  }
}

const isZodError = (
  error: unknown,
): error is { issues: { path: PropertyKey[]; message: string }[] } =>
  error instanceof Error && error.name === 'ZodError' && 'issues' in error;

export function explainFetchFailure(
  error: unknown,
  strapiUrl: string,
  collection: string,
): unknown {
  if (error instanceof StrapiError) {
    const { status } = error;
    if (status === undefined) {
      return new SiteDataError(
        `Cannot reach the CMS at ${strapiUrl} (no answer after several attempts): start it with ` +
          `"npm run dev:cms" or "npm start", or set STRAPI_URL in site/.env to a running CMS.`,
        { cause: error },
      );
    }
    if (status === 401 || status === 403) {
      return new SiteDataError(
        `The CMS at ${strapiUrl} refused the API token (HTTP ${status}): set STRAPI_TOKEN in ` +
          `site/.env to the read-only "site-build" token, the value of SITE_API_TOKEN in cms/.env.`,
        { cause: error },
      );
    }
    if (status === 404) {
      return new SiteDataError(
        `The server at ${strapiUrl} has no /api/${collection} (HTTP 404): set STRAPI_URL in ` +
          `site/.env to the Tòa Soạn CMS.`,
        { cause: error },
      );
    }
    return new SiteDataError(
      `The CMS at ${strapiUrl} answered HTTP ${status} for /api/${collection}: look at the ` +
        `CMS log for the cause, then build again.`,
      { cause: error },
    );
  }
  if (isZodError(error)) {
    const [issue] = error.issues;
    const where = issue ? `${issue.path.join('.') || 'response'}: ${issue.message}` : 'unknown';
    return new SiteDataError(
      `The CMS at ${strapiUrl} sent /api/${collection} in an unexpected shape (${where}): ` +
        `run the CMS and the site from the same version of Tòa Soạn.`,
      { cause: error },
    );
  }
  return error;
}
