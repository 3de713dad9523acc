import path from 'node:path';
import { readCmsEnv } from '../src/utils/env';

// No return type: Strapi's PostgreSQL typing demands host/user/password despite a connectionString.
const config = () => {
  const env = readCmsEnv();
  const databaseUrl = env.DATABASE_URL;

  if (databaseUrl) {
    return {
      connection: {
        client: 'postgres' as const,
        connection: {
          connectionString: databaseUrl,
          ssl: env.DATABASE_SSL && {
            rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED,
          },
          schema: env.DATABASE_SCHEMA,
        },
        pool: { min: env.DATABASE_POOL_MIN, max: env.DATABASE_POOL_MAX },
        acquireConnectionTimeout: env.DATABASE_CONNECTION_TIMEOUT,
      },
    };
  }

  return {
    connection: {
      client: 'sqlite' as const,
      connection: {
        // Compiled config runs from cms/dist/config, so '../..' is cms/.
        filename: path.resolve(__dirname, '..', '..', env.DATABASE_FILENAME),
      },
      useNullAsDefault: true,
    },
  };
};

export default config;
