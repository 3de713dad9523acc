// `npm start`'s env files (--docker: docker-compose's ./.env), without starting anything.
import { parseArgs } from 'node:util';
import { ConfigError, createDockerEnvFile, ensureEnvFiles } from './lib/env';
import { shortPath } from './lib/paths';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docker: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npx tsx scripts/create-env.ts [--docker]\n\n' +
        'Creates cms/.env and site/.env (--docker: the root .env of docker-compose.yml) with fresh\n' +
        'secrets; a file that exists only gets the keys it lacks.',
    );
    return;
  }
  const files = values.docker ? [createDockerEnvFile()] : ensureEnvFiles();
  for (const { file, action, added } of files) {
    console.log(
      `${shortPath(file)}: ${action}${action === 'completed' ? ` (${added.join(', ')})` : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Could not create the env files: ${(error as Error).message}`,
  );
  process.exit(1);
});
