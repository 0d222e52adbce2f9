// The console's only door to the server: same-origin JSON with the session
// cookie, and the CSRF token on every request that changes something.

/** An error answer from the API, with the message the server wrote for people. */
export class ApiError extends Error {
  constructor(status, code, message, issues = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/**
 * `onUnauthorized` runs when the session has ended (401 on anything but the
 * sign-in itself), so the console can ask the person to sign in again.
 */
export function createApi({ onUnauthorized }) {
  let csrfToken = '';

  async function request(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = csrfToken;
      if (body !== undefined) init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
    }
    if (response.status === 204) return undefined;
    const payload = await response.json().catch(() => undefined);
    if (response.ok) return payload;
    throw failure(response.status, payload, path);
  }

  function failure(status, payload, path) {
    const detail = payload && typeof payload === 'object' ? payload.error : undefined;
    const issues = Array.isArray(detail?.issues) ? detail.issues : [];
    const message = typeof detail?.message === 'string' ? detail.message : fallbackMessage(status);
    const error = new ApiError(status, typeof detail?.code === 'string' ? detail.code : 'error', message, issues);
    if (status === 401 && path !== '/api/console/session') onUnauthorized(error);
    return error;
  }

  return {
    setCsrfToken(token) {
      csrfToken = typeof token === 'string' ? token : '';
    },
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  };
}

function fallbackMessage(status) {
  if (status === 403) return 'Your roles do not allow this.';
  if (status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

/** A message a person can act on, including the first field problem the server named. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong in the console. Reload the page and try again.';
  const [issue] = error.issues;
  const prefix = error.status === 403 ? 'Not allowed: ' : error.status === 409 ? 'Conflict: ' : '';
  const suffix = issue && typeof issue.message === 'string' ? ` (${issue.path ? `${issue.path}: ` : ''}${issue.message})` : '';
  return `${prefix}${error.message}${suffix}`;
}
