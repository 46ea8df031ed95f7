// What the workbench needs before anyone signs in: the realm, the client, each service's address. Served by
// metrics-service, which serves the page itself.
export async function loadConfig() {
  const answer = await fetch('/api/v1/web/config', {headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    throw new Error(`工作台配置读取失败（${answer.status}）`);
  }
  return answer.json();
}
