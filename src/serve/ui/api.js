// The API client: every page's data comes from the server's JSON API.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(res) {
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

/** GET path?params; params is an object (arrays repeat the key) or URLSearchParams. */
export async function get(path, params) {
  const q = params instanceof URLSearchParams ? params : toParams(params ?? {});
  const s = q.toString();
  return parse(await fetch(s ? `${path}?${s}` : path, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body) {
  return parse(await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) }));
}

export function toParams(o) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.set(k, String(v));
  }
  return q;
}
