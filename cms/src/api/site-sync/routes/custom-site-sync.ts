/**
 * site-sync router: one custom route, for the site's incremental builds.
 */

// The handler is an action named `find`: Strapi lets a read-only API token (the "site-build" one)
// call routes whose scope ends in find/findOne, and nothing else. The public role is never given
// it (src/bootstrap/public-permissions.ts), so a request without a valid token gets 401/403.
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-sync',
      handler: 'api::site-sync.site-sync.find',
    },
  ],
};
