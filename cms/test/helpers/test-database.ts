import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createThrowawayPostgresDatabase } from '../../../scripts/lib/throwaway-cms';

/** A database that exists only for one test file: the env that points Strapi at it, and its removal. */
export interface TestDatabase {
  /** Human-readable, for failure messages. */
  description: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A throwaway SQLite file in a temp dir; or, when DATABASE_URL is set (postgres://…), a fresh
 * database with a random name on that server, dropped afterwards. DATABASE_URL must name a
 * database the role may connect to (e.g. /postgres) and the role needs CREATEDB.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createSqliteDatabase();
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  // On tmpfs when there is one: a fresh Strapi schema is thousands of small fsync'd writes
  // (about twice as slow on disk).
  const parent = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = await mkdtemp(path.join(parent, 'toasoan-cms-test-'));
  const filename = path.join(dir, 'data.db');
  return {
    description: `SQLite ${filename}`,
    // DATABASE_URL is set empty, not deleted: dotenv (cms/.env) never overrides a variable that exists.
    env: { DATABASE_URL: '', DATABASE_FILENAME: filename },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const database = await createThrowawayPostgresDatabase(serverUrl);
  return {
    description: `PostgreSQL database ${database.name}`,
    env: { DATABASE_URL: database.url },
    drop: database.drop,
  };
}
