import {describe, expect, it} from 'vitest';
import {latestLoads} from '../src/api/latest.js';

describe('latestLoads', () => {
  it('says only the last load begun is the latest', () => {
    const loads = latestLoads();
    const first = loads.begin();
    expect(first()).toBe(true);
    const second = loads.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });
});
