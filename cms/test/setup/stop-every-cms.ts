import { afterAll } from 'vitest';
import { stopEveryCms } from '../helpers/strapi';

// After each file's own afterAll (isolate: false, one worker for every file): a CMS it left
// running or booting would otherwise share the next file's process and environment. No time limit
// short of the boot's own: it must end before the next file starts.
afterAll(stopEveryCms, 30 * 60_000);
