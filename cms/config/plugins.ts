import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      // Given explicitly: without it the plugin invents a secret and writes it into cms/.env.
      jwtSecret: env('JWT_SECRET'),
    },
  },
});

export default config;
