// For the site's full builds; named `find` like site-sync's, so the "site-build" token may call it.
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-export',
      handler: 'api::site-export.site-export.find',
    },
  ],
};
