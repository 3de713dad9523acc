import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../write-atomically';
import type { SiteData } from './site-data';

// JSON lines, so a publish writes back the lines it did not fetch as read: serializing 20,000
// articles (29 MB) again was a publish's largest cost after rendering.

const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from([NEWLINE]);

// An article read from a file → its line. Global: the integration and the standby config may
// hold different instances of this module.
const LINES = Symbol.for('toasoan.site-data-lines');
const shared = globalThis as typeof globalThis & { [LINES]?: WeakMap<object, Buffer> };
const linesOf = () => (shared[LINES] ??= new WeakMap());

export function encodeSiteData(data: SiteData): Buffer {
  return Buffer.concat(encodeSiteDataChunks(data));
}

// Pieces at least this large are written as they are; smaller ones are joined up to it.
const CHUNK_BYTES = 1 << 20;

// In pieces: joined whole, 100,000 articles' lines (150 MB) took 0.9 s of a publish to copy.
function encodeSiteDataChunks(data: SiteData): Buffer[] {
  const { articles, ...rest } = data;
  const lines = linesOf();
  const parts: Buffer[] = [Buffer.from(JSON.stringify(rest))];
  // The last part, when it is a slice of a file read (never of Node's pool of small buffers).
  let slice: Buffer | undefined;
  for (const article of articles) {
    const read = lines.get(article);
    // JSON.stringify escapes line breaks inside strings: a line is always one value.
    const line = read ?? Buffer.from(JSON.stringify(article));
    // Adjacent lines of the file read stay one slice: copying 40,000 small pieces took ~1 s.
    if (
      read &&
      slice &&
      read.buffer === slice.buffer &&
      read.byteOffset === slice.byteOffset + slice.length + 1
    ) {
      slice = Buffer.from(slice.buffer, slice.byteOffset, slice.length + 1 + read.length);
      parts[parts.length - 1] = slice;
    } else {
      parts.push(line);
      slice = read;
    }
  }
  const chunks: Buffer[] = [];
  let small: Buffer[] = [];
  let smallBytes = 0;
  const flush = () => {
    if (small.length > 0) chunks.push(Buffer.concat(small, smallBytes));
    small = [];
    smallBytes = 0;
  };
  for (const part of parts) {
    if (part.length >= CHUNK_BYTES) {
      flush();
      chunks.push(part);
    } else {
      small.push(part);
      smallBytes += part.length;
    }
    small.push(NEWLINE_BYTE);
    smallBytes += 1;
    if (smallBytes >= CHUNK_BYTES) flush();
  }
  flush();
  return chunks;
}

/** Data from encodeSiteData's bytes; also reads the older form, one JSON document. */
export function decodeSiteData(bytes: Buffer): SiteData {
  const lines = linesOf();
  let end = bytes.indexOf(NEWLINE);
  if (end === -1) end = bytes.length;
  const head = JSON.parse(bytes.toString('utf8', 0, end)) as Omit<SiteData, 'articles'> &
    Partial<Pick<SiteData, 'articles'>>;
  if (head.articles) return head as SiteData;
  const articles: SiteData['articles'] = [];
  for (let start = end + 1; start < bytes.length; start = end + 1) {
    end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    if (end === start) continue;
    const line = bytes.subarray(start, end);
    const article = JSON.parse(line.toString('utf8')) as SiteData['articles'][number];
    lines.set(article, line);
    articles.push(article);
  }
  return { ...head, articles };
}

export async function writeSiteDataFile(file: string, data: SiteData): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const chunks = encodeSiteDataChunks(data);
  await writeAtomically(file, (partial) => writeFile(partial, chunks));
}

export async function readSiteDataFile(file: string): Promise<SiteData | undefined> {
  try {
    return decodeSiteData(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
