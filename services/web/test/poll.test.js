import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {pollWhile} from '../src/api/poll.js';

describe('pollWhile', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again every second while the operation runs, and stops when it is over', async () => {
    const answers = ['RUNNING', 'RUNNING', 'DONE', 'RUNNING'];
    const load = vi.fn(async () => answers.shift());
    pollWhile(load, status => status === 'RUNNING');
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('stops when the page is left, whatever the operation says', async () => {
    const load = vi.fn(async () => 'RUNNING');
    const stop = pollWhile(load, () => true);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
