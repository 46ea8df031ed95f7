import {describe, expect, it} from 'vitest';
import {tilesCovering, tileUrl} from '../src/map/tiles.js';

describe('map tiles', () => {
  // About a community of 赛罕区: a kilometre across.
  const bounds = [111.708, 40.744, 111.720, 40.753];

  it('covers the bounds with tiles of about screen resolution, corners where the tiles lie', () => {
    const tiles = tilesCovering(bounds, 600);
    expect(tiles[0].z).toBe(16); // 0.012° over 600 px: a z16 tile (0.0055°) is about 256 px of it
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(16);
    for (const t of tiles) {
      expect(t.west).toBeLessThan(t.east);
      expect(t.south).toBeLessThan(t.north);
    }
    expect(Math.min(...tiles.map(t => t.west))).toBeLessThanOrEqual(bounds[0]);
    expect(Math.max(...tiles.map(t => t.east))).toBeGreaterThanOrEqual(bounds[2]);
    expect(Math.min(...tiles.map(t => t.south))).toBeLessThanOrEqual(bounds[1]);
    expect(Math.max(...tiles.map(t => t.north))).toBeGreaterThanOrEqual(bounds[3]);
  });

  it('fills the installation\'s template', () => {
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png', {z: 15, x: 26553, y: 12288}))
      .toBe('https://t.example/15/26553/12288.png');
  });
});
