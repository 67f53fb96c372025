// Calls to the gateway's API with the browser session (the session cookie; the gateway passes the session's access
// token on to the services). X-Requested-With tells Quarkus OIDC to answer 499 instead of redirecting a fetch to
// Keycloak when the session has expired (quarkus.oidc.authentication.java-script-auto-redirect=false).

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /** The session is missing or ended: the user must log in (again). */
  get needsLogin() {
    return this.status === 401 || this.status === 499 || this.status === 0;
  }
}

let sessionListener = () => {};

/** Called once when any call finds the session gone. */
export function onSessionLost(listener) {
  sessionListener = listener;
}

export async function api(path, { method = 'GET', body, signal, params } = {}) {
  let url = path;
  if (params) {
    const query = params.toString();
    url = query ? `${path}?${query}` : path;
  }
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'JavaScript' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, signal, credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(-1, 'The server cannot be reached', 'check your connection and try again');
  }
  if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 499) {
    const error = new ApiError(response.status === 499 || response.type === 'opaqueredirect' ? 499 : 401,
      'Not logged in', 'log in to continue');
    if (path !== '/api/v1/me') {
      sessionListener(error);
    }
    throw error;
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const title = (data && typeof data.title === 'string' && data.title) || `HTTP ${response.status}`;
    const detail = data && typeof data.detail === 'string' ? data.detail : '';
    throw new ApiError(response.status, title, detail);
  }
  return data;
}
