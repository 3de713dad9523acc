import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodiesDir, pruneBodies, readArticleBody, writeBodyPack } from './article-bodies';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'toasoan-bodies-'));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

describe('body packs', () => {
  it('reads back each body of a pack, in NFC, empty ones included', async () => {
    const bodies = ['## Xây dựng Đảng', '', 'Vie\u0323\u0302t Nam'].map((text) =>
      Buffer.from(text),
    );
    const at = await writeBodyPack(cacheDir, bodies);
    expect(new Set(at.map((location) => location.pack)).size).toBe(1);
    expect(await Promise.all(at.map((location) => readArticleBody(cacheDir, location)))).toEqual([
      '## Xây dựng Đảng',
      '',
      'Việt Nam',
    ]);
  });

  it('says to build again when a pack is shorter than its articles say', async () => {
    const [at] = await writeBodyPack(cacheDir, [Buffer.from('Bài viết')]);
    await writeFile(path.join(bodiesDir(cacheDir), at.pack), 'Bài');
    await expect(readArticleBody(cacheDir, at)).rejects.toThrow(/shorter .* build again/);
  });

  it('prunes the packs no current article is in, and files of an older cache', async () => {
    const [old] = await writeBodyPack(cacheDir, [Buffer.from('cũ')]);
    const current = await writeBodyPack(cacheDir, [Buffer.from('một'), Buffer.from('hai')]);
    await writeFile(path.join(bodiesDir(cacheDir), 'a1@20261101T010000000Z.md'), 'cũ');
    expect(await pruneBodies(cacheDir, [{ bodyAt: current[1] }])).toBe(2);
    expect(await readdir(bodiesDir(cacheDir))).toEqual([current[1].pack]);
    expect(old.pack).not.toBe(current[1].pack);
    expect(await readArticleBody(cacheDir, current[0])).toBe('một');
  });
});
