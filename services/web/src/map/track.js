// A patrol's track as the phone walks it: a position joins it only when it is some way from the last one kept, so
// a worker standing at a door does not fill the track, and the track never grows past what intake takes.

/** Intake takes at most this many positions per patrol. */
export const MAX_POINTS = 500;
/** Closer than this to the last position kept: the same place, GPS jitter included. */
export const MIN_METRES = 20;

const EARTH_METRES = 6371000;
const rad = d => d * Math.PI / 180;

/** Great-circle distance in metres between two {latitude, longitude}. */
export function distanceMetres(a, b) {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.sqrt(h));
}

/** The track with `point` added, or the same track when the point is too close to the last or the track is full. */
export function extendTrack(track, point) {
  if (track.length >= MAX_POINTS) {
    return track;
  }
  const last = track[track.length - 1];
  if (last && distanceMetres(last, point) < MIN_METRES) {
    return track;
  }
  return [...track, {latitude: point.latitude, longitude: point.longitude}];
}
