// Calls to gridloop's services from the pages: each service by the name the configuration gives its address
// under, with the session's token; refusals come back as problem+json whose Chinese `detail` is what the person
// reads.

let services = {};
let session = null;

export function configure(serviceAddresses, signedIn) {
  services = serviceAddresses;
  session = signedIn;
}

/** A refusal or failure of the API, with the problem's Chinese text as its message. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = problem && Array.isArray(problem.errors)
      ? problem.errors.map(e => e.message).filter(Boolean) : [];
    const text = problem && (problem.detail || problem.title);
    super(text ? [text, ...fields.filter(f => f !== text)].join('；') : `请求失败（${status}）`);
    this.status = status;
    this.code = problem && problem.code;
    this.problem = problem;
  }
}

function urlOf(service, path, query) {
  const url = new URL(services[service] + path, location.href);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(key, value);
    }
  }
  return url;
}

/**
 * One call: `body` is sent as JSON, `form` (FormData) as multipart, `file` (a File or Blob) as it is with
 * `fileType` as its content type. Answers the parsed JSON (null for 204).
 */
export async function call(service, path, {method = 'GET', query, body, form, file, fileType} = {}) {
  const headers = {Accept: 'application/json, application/problem+json', Authorization: `Bearer ${await session.token()}`};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  } else if (file !== undefined) {
    headers['Content-Type'] = fileType;
  }
  let answer;
  try {
    answer = await fetch(urlOf(service, path, query), {method, headers,
      body: body !== undefined ? JSON.stringify(body) : file !== undefined ? file : form});
  } catch {
    throw new ApiError(0, {detail: '无法连接服务，请检查网络后重试'});
  }
  if (answer.status === 204) {
    return null;
  }
  if (!answer.ok) {
    throw await refusalOf(answer);
  }
  return (answer.headers.get('Content-Type') || '').includes('json') ? answer.json() : null;
}

/** A refused answer as the error to show: its problem+json when it has one. */
async function refusalOf(answer) {
  const type = answer.headers.get('Content-Type') || '';
  return new ApiError(answer.status, type.includes('json') ? await answer.json().catch(() => null) : null);
}

/** The address of `path` at `service`, as a link shows it (e.g. an export to download). */
export function addressOf(service, path, query) {
  return urlOf(service, path, query).toString();
}

/** `fetch` with the session's token: for answers that are not JSON (a stream, a file). */
export async function fetchSigned(url, init = {}) {
  return fetch(url, {...init, headers: {...init.headers, Authorization: `Bearer ${await session.token()}`}});
}

/**
 * Downloads what `href` answers under the name the service gives it: a plain link cannot carry the token, so the
 * file is fetched and handed to the browser. `onProgress({received, total})` hears of every part as it arrives
 * (`total` when the service says the size, else null), so a page can show a long export coming in.
 */
export async function download(href, onProgress = () => {}) {
  const answer = await fetchSigned(href);
  if (!answer.ok) {
    throw await refusalOf(answer);
  }
  const named = /filename\*=UTF-8''([^;]+)/i.exec(answer.headers.get('Content-Disposition') || '');
  const file = await receive(answer, onProgress);
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = named ? decodeURIComponent(named[1]) : 'export';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The answer's body as a Blob, read part by part and reported as it comes. */
export async function receive(answer, onProgress) {
  const total = Number(answer.headers.get('Content-Length')) || null;
  const type = answer.headers.get('Content-Type') || '';
  if (!answer.body) {
    return new Blob([await answer.arrayBuffer()], {type});
  }
  const reader = answer.body.getReader();
  const parts = [];
  let received = 0;
  onProgress({received, total});
  for (;;) {
    const {done, value} = await reader.read();
    if (done) {
      return new Blob(parts, {type});
    }
    parts.push(value);
    received += value.length;
    onProgress({received, total});
  }
}

/** A photo a service stores, fetched with the token, as an address an <img> can show. */
export async function photoUrl(service, id) {
  const answer = await fetchSigned(urlOf(service, `/api/v1/photos/${encodeURIComponent(id)}`));
  if (!answer.ok) {
    throw await refusalOf(answer);
  }
  return URL.createObjectURL(await answer.blob());
}

/** Uploads photos to `service`'s store; answers their ids in the same order. */
export async function uploadPhotos(service, files) {
  const form = new FormData();
  files.forEach(file => form.append('photos', file));
  const stored = await call(service, '/api/v1/photos', {method: 'POST', form});
  return stored.map(p => p.id);
}
