import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommentQueue, type QueuedComment } from './comment-queue';
import type { Logger } from './log';

// The queue against a stand-in CMS that can be down, answer 201, or refuse (400).

const quiet: Logger = { info: () => undefined, error: () => undefined };
const comment = (body: string): QueuedComment => ({
  article: 'a1',
  name: 'Bạn đọc',
  email: 'ban-doc@example.vn',
  body,
  ip: '203.0.113.9',
  userAgent: 'test',
});

let dir: string;
let cms: { server: Server; url: string; received: string[]; answer: number } | undefined;
const queues: CommentQueue[] = [];

async function startCms(port = 0): Promise<NonNullable<typeof cms>> {
  const received: string[] = [];
  const state = { received, answer: 201 } as NonNullable<typeof cms>;
  state.server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      if (request.headers.authorization === 'Bearer key' && state.answer === 201) {
        received.push(JSON.parse(text).data.body);
      }
      response.writeHead(state.answer).end('{}');
    });
  });
  await new Promise<void>((resolve) => state.server.listen(port, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

const stopCms = async () => {
  if (!cms) return;
  await new Promise((resolve) => cms!.server.close(resolve));
  cms.server.closeAllConnections();
};

function openQueue(strapiUrl: string): CommentQueue {
  const queue = new CommentQueue({ dir, strapiUrl, token: 'key', logger: quiet, retryMs: 50 });
  queues.push(queue);
  return queue;
}

const waitUntil = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(await check()).toBe(true);
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-comment-queue-'));
});

afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.close();
  await stopCms();
  cms = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('CommentQueue', () => {
  it('delivers comments in the order they came, and keeps none once delivered', async () => {
    cms = await startCms();
    const queue = openQueue(cms.url);
    await queue.open();
    await queue.add(comment('một'));
    await queue.add(comment('hai'));
    await waitUntil(() => cms!.received.length === 2);
    expect(cms.received).toEqual(['một', 'hai']);
    await waitUntil(async () => (await queue.pending()) === 0);
  });

  it('keeps comments while the CMS is down, across a restart, and delivers them when it is back', async () => {
    cms = await startCms();
    const { url } = cms;
    await stopCms();
    const first = openQueue(url);
    await first.open();
    await first.add(comment('chờ một'));
    await first.add(comment('chờ hai'));
    await first.deliver();
    expect(await first.pending()).toBe(2);
    await first.close();

    // The server restarts; the CMS comes back on its address.
    cms = await startCms(Number(new URL(url).port));
    const second = openQueue(url);
    await second.open();
    await waitUntil(() => cms!.received.length === 2);
    expect(cms.received).toEqual(['chờ một', 'chờ hai']);
    // Removed once the CMS's answer is in, a moment after the CMS counted it.
    await waitUntil(async () => (await second.pending()) === 0);
  });

  it('removes the half-written file a crash left, and delivers the whole ones', async () => {
    cms = await startCms();
    await writeFile(path.join(dir, '.000000000000001-x.json.tmp'), '{"article":"a1","na');
    const queue = openQueue(cms.url);
    await queue.open();
    await queue.add(comment('trọn vẹn'));
    await waitUntil(() => cms!.received.length === 1);
    expect(cms.received).toEqual(['trọn vẹn']);
    await waitUntil(async () => (await readdir(dir)).join() === 'refused');
  });

  it('retries on its own after a 5xx', async () => {
    cms = await startCms();
    cms.answer = 503;
    const queue = openQueue(cms.url);
    await queue.open();
    await queue.add(comment('sau lỗi'));
    await queue.deliver();
    expect(await queue.pending()).toBe(1);
    cms.answer = 201;
    await waitUntil(() => cms!.received.length === 1);
  });

  it('sets aside what the CMS refuses (400) and goes on with the rest', async () => {
    cms = await startCms();
    cms.answer = 400;
    const queue = openQueue(cms.url);
    await queue.open();
    await queue.add(comment('bị từ chối'));
    await queue.deliver();
    expect(await queue.pending()).toBe(0);
    expect(await readdir(path.join(dir, 'refused'))).toHaveLength(1);
  });
});
