/**
 * site-export router: one custom route, for the site's full builds.
 */

// Like site-sync: an action named `find`, so the read-only "site-build" API token may call it; the
// public role is never given it (src/bootstrap/public-permissions.ts).
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-export',
      handler: 'api::site-export.site-export.find',
    },
  ],
};
