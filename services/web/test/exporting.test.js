import {afterEach, describe, expect, it, vi} from 'vitest';
import {configure, receive} from '../src/api/http.js';
import {progressText, useExport} from '../src/api/exporting.js';

/** An answer whose body arrives in these parts. */
function streamed(parts, headers = {}) {
  const body = new ReadableStream({
    start(controller) {
      parts.forEach(p => controller.enqueue(new TextEncoder().encode(p)));
      controller.close();
    },
  });
  return new Response(body, {headers});
}

describe('an export coming in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports every part as it arrives, with the share of the size the service announced', async () => {
    const seen = [];
    const file = await receive(streamed(['a'.repeat(600), 'b'.repeat(400)], {'Content-Length': '1000'}),
      p => seen.push(p));

    expect(seen).toEqual([{received: 0, total: 1000}, {received: 600, total: 1000}, {received: 1000, total: 1000}]);
    expect(file.size).toBe(1000);
  });

  it('says it in words a person reads, with or without a known size', () => {
    expect(progressText({received: 0, total: null})).toBe('正在生成导出文件…');
    expect(progressText({received: 300, total: null})).toBe('已接收 1 KB');
    expect(progressText({received: 512 * 1024, total: 1024 * 1024})).toBe('已接收 512 KB（50%）');
    expect(progressText({received: 3 * 1024 * 1024 + 200000, total: null})).toBe('已接收 3.2 MB');
  });

  it('runs one export at a time and is idle again once the file is handed over', async () => {
    configure({stats: 'http://stats.test'}, {token: async () => 't'});
    let release;
    const answered = new Promise(resolve => {
      release = resolve;
    });
    const fetch = vi.fn(async () => {
      await answered;
      return streamed(['x,y\n'], {'Content-Type': 'text/csv'});
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('URL', Object.assign(globalThis.URL, {createObjectURL: () => 'blob:x', revokeObjectURL: () => {}}));
    const exporting = useExport();

    const first = exporting.run('http://stats.test/export');
    const second = exporting.run('http://stats.test/export');
    expect(exporting.state.busy).toBe(true);
    expect(exporting.state.text).toBe('正在生成导出文件…');
    release();
    await Promise.all([first, second]);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(exporting.state.busy).toBe(false);
  });
});
