import {describe, expect, it} from 'vitest';
import {distanceMetres, extendTrack, MAX_POINTS} from '../src/map/track.js';

describe('a patrol track', () => {
  const door = {latitude: 40.8100, longitude: 111.7000};

  it('measures about 111 m for a thousandth of a degree of latitude', () => {
    expect(distanceMetres(door, {latitude: 40.8110, longitude: 111.7000})).toBeCloseTo(111.2, 0);
  });

  it('keeps the first position and the next one some way off, not the jitter at the same door', () => {
    let track = extendTrack([], door);
    track = extendTrack(track, {latitude: 40.81005, longitude: 111.70005}); // about 7 m: the same place
    track = extendTrack(track, {latitude: 40.8105, longitude: 111.7000}); // about 56 m on
    expect(track).toEqual([door, {latitude: 40.8105, longitude: 111.7000}]);
  });

  it('stops growing at what intake takes', () => {
    let track = [];
    for (let i = 0; i < MAX_POINTS + 20; i++) {
      track = extendTrack(track, {latitude: 40 + i * 0.001, longitude: 111.7});
    }
    expect(track).toHaveLength(MAX_POINTS);
  });
});
