// Kept for test/backup-restore.test.ts, which still imports CmsWriter from here; the class lives
// in cms-writer.ts. Remove once that file imports cms-writer.ts.
export { CmsWriter } from './cms-writer';
