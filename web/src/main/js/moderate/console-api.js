/** The moderator's side of the API: same origin, the session cookie, and the CSRF token on every write. */
import { JsonApi } from '../shared/http.js';

export class ConsoleApi extends JsonApi {
  /**
   * @param session       () => the signed-in moderator ({csrfHeader, csrfToken}) or null
   * @param onSignedOut   called when the server says the session has ended (401 outside auth/)
   */
  constructor(base, session, onSignedOut) {
    super(base, { credentials: 'same-origin' });
    this.session = session;
    this.onSignedOut = onSignedOut;
  }

  /** One call; resolves to the answer's JSON (null without one), rejects with an ApiError. */
  async call(method, path, body) {
    const me = this.session();
    const headers = method !== 'GET' && me ? { [me.csrfHeader || 'X-CSRF-Token']: me.csrfToken } : {};
    try {
      return (await this.request(method, path, { body, headers })).data;
    } catch (e) {
      if (e.status === 401 && !path.startsWith('auth/')) this.onSignedOut();
      throw e;
    }
  }
}
