import path from 'node:path';
import type { Core } from '@strapi/strapi';

// One switch: DATABASE_URL (postgres://…) selects PostgreSQL; without it Strapi runs on a SQLite
// file so `npm start` works with no setup. (No return type: Strapi's typing of a PostgreSQL
// connection demands host/user/password even when a connectionString carries them.)
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const databaseUrl = env('DATABASE_URL', '');

  if (databaseUrl) {
    return {
      connection: {
        client: 'postgres' as const,
        connection: {
          connectionString: databaseUrl,
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  return {
    connection: {
      client: 'sqlite' as const,
      connection: {
        // Compiled config runs from cms/dist/config, so '../..' is cms/. resolve() keeps an
        // absolute DATABASE_FILENAME (tests use a temp dir) as given.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};

export default config;
