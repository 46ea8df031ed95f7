// Web Mercator (XYZ) tiles — the scheme of 天地图 and most tile servers — under a small map of known bounds: which
// tiles cover it at a zoom where one tile pixel is about one screen pixel, and where each tile's corners lie.

const MAX_ZOOM = 18;
const TILE = 256;

const lonToX = (lon, z) => ((lon + 180) / 360) * 2 ** z;
const latToY = (lat, z) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const xToLon = (x, z) => (x / 2 ** z) * 360 - 180;
const yToLat = (y, z) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/**
 * The tiles covering [west, south, east, north] (degrees) on a map `widthPx` wide: {z, x, y, west, north, east,
 * south} each.
 */
export function tilesCovering([west, south, east, north], widthPx) {
  const span = Math.max(east - west, 1e-6);
  const z = Math.max(0, Math.min(MAX_ZOOM, Math.floor(Math.log2((360 * widthPx) / (TILE * span)))));
  const tiles = [];
  for (let x = Math.floor(lonToX(west, z)); x <= Math.floor(lonToX(east, z)); x++) {
    for (let y = Math.floor(latToY(north, z)); y <= Math.floor(latToY(south, z)); y++) {
      tiles.push({z, x, y, west: xToLon(x, z), east: xToLon(x + 1, z), north: yToLat(y, z), south: yToLat(y + 1, z)});
    }
  }
  return tiles;
}

/** A tile's address from the installation's template. */
export function tileUrl(template, {z, x, y}) {
  return template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
}
