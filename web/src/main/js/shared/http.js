/**
 * HTTP helpers of the widget and the moderation console: JSON in, JSON out, and every failure as
 * an ApiError carrying the server's RFC 9457 problem.
 */

/** A failed call: `status` is the HTTP status (0: the server could not be reached), `problem` the RFC 9457 body. */
export class ApiError extends Error {
  constructor(status, problem) {
    const p = problem || {};
    super(p.detail || p.title || (status ? `HTTP ${status}` : 'The server cannot be reached.'));
    this.name = 'ApiError';
    this.status = status;
    this.problem = p;
  }
}

/** A query string of the parameters that have a value ('' when none has). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value != null && value !== '') q.set(key, value);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A value as one path segment. */
export const seg = (s) => encodeURIComponent(s);

/** A JSON API under one base URL; `init` holds the fetch options of every call (mode, credentials). */
export class JsonApi {
  constructor(base, init = {}) {
    this.base = base;
    this.init = init;
  }

  /** The absolute URL of `path` (for EventSource). */
  url(path) {
    return this.base + path;
  }

  /**
   * One call. Resolves to {status, data} (data: the parsed JSON, null without a JSON body); rejects
   * with an ApiError for a status outside 2xx or when the server cannot be reached.
   */
  async request(method, path, { body, headers, cache } = {}) {
    const all = { Accept: 'application/json', ...headers };
    if (body !== undefined) all['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(this.base + path, {
        ...this.init, method, headers: all, cache,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null);
    }
    const type = res.headers.get('Content-Type') || '';
    const data = res.status !== 204 && /json/.test(type) ? await res.json() : null;
    if (!res.ok) throw new ApiError(res.status, data);
    return { status: res.status, data };
  }
}
