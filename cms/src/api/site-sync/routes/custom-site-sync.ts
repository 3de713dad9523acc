// For the site's incremental builds. Named `find`: the only kind of action a read-only API token
// (the "site-build" one) may call. The public role is never given it.
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-sync',
      handler: 'api::site-sync.site-sync.find',
    },
  ],
};
