// What the workbench needs before anyone signs in: the realm, the client, each service's address, the
// installation's map tiles if it has any. Served by metrics-service, which serves the page itself.
let loaded = null;

export async function loadConfig() {
  const answer = await fetch('/api/v1/web/config', {headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    throw new Error(`工作台配置读取失败（${answer.status}）`);
  }
  loaded = await answer.json();
  return loaded;
}

/** The installation's XYZ tile template (…/{z}/{x}/{y}.png), or '' when maps draw outlines alone. */
export function mapTiles() {
  return (loaded && loaded.mapTiles) || '';
}
