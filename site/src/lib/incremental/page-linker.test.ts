import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MissingBasePageError } from './compose-release';
import { PageLinker } from './page-linker';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function releases() {
  const root = await mkdtemp(path.join(tmpdir(), 'page-linker-'));
  dirs.push(root);
  const base = path.join(root, 'base');
  await mkdir(path.join(base, 'thoi-su', 'trang-2'), { recursive: true });
  await writeFile(path.join(base, 'thoi-su', 'bai-1.html'), 'một');
  await writeFile(path.join(base, 'thoi-su', 'trang-2', 'index.html'), 'hai');
  return { base, out: path.join(root, 'out') };
}

describe('PageLinker', () => {
  it('links the pages it is given, batch by batch, into their folders', async () => {
    const { base, out } = await releases();
    const linker = new PageLinker(base, out);
    linker.link(['thoi-su/bai-1.html']);
    linker.link([]);
    linker.link(['thoi-su/trang-2/index.html']);
    await linker.finished();
    for (const file of ['thoi-su/bai-1.html', 'thoi-su/trang-2/index.html']) {
      expect((await stat(path.join(out, file))).ino).toBe((await stat(path.join(base, file))).ino);
    }
    expect(await readFile(path.join(out, 'thoi-su', 'trang-2', 'index.html'), 'utf8')).toBe('hai');
  });

  it('fails naming a page the base release lacks', async () => {
    const { base, out } = await releases();
    const linker = new PageLinker(base, out);
    linker.link(['thoi-su/bai-1.html', 'thoi-su/bai-9.html']);
    const finished = linker.finished();
    await expect(finished).rejects.toThrow(MissingBasePageError);
    await expect(finished).rejects.toThrow(/has no thoi-su\/bai-9\.html/);
  });
});
