import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/lib). */
export const ROOT_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED_DIR = path.join(ROOT_DIR, 'shared');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const SITE_DIR = path.join(ROOT_DIR, 'site');

export const CMS_ENV_FILE = path.join(CMS_DIR, '.env');
export const SITE_ENV_FILE = path.join(SITE_DIR, '.env');
export const DOCKER_ENV_FILE = path.join(ROOT_DIR, '.env');

/** A path as the user should read it: relative to the repository root. */
export function shortPath(file: string): string {
  return path.relative(ROOT_DIR, file) || '.';
}
