/** The reader's side of the API: who the reader is, and calls made as them. */
import { JsonApi } from '../shared/http.js';
import { API } from './base.js';

/** Reads and writes localStorage, and keeps going in memory where storage is disabled. */
function stored(key, value) {
  try {
    if (value === undefined) return localStorage.getItem(key);
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage disabled: the caller keeps its own copy in memory */
  }
  return null;
}

/**
 * Who the reader is, sent as a bearer token. A host-site JWT is exchanged for a reader token kept
 * in memory only (the host signs the reader in on every page view, and signing out there signs out
 * here). A guest's token comes with their first post (or on demand) and is kept per site in this
 * page's localStorage. A token the server refuses is dropped, and the reader goes on anonymously.
 */
export class Auth {
  #key;
  #memory = null;
  #signedIn = null;

  constructor(site) {
    this.#key = `parley.reader.${site}`;
    this.author = null;
  }

  token() {
    return this.#signedIn || stored(this.#key) || this.#memory;
  }

  signedIn() {
    return !!this.#signedIn;
  }

  /** Signs a host-site reader in (`session`: the server's answer) or out (null). */
  signIn(session) {
    this.#signedIn = session && session.token;
    this.author = session && session.author;
  }

  headers() {
    const t = this.token();
    return t ? { Authorization: `Bearer ${t}` } : {};
  }

  /** Keeps a guest's identity (the server's `reader` answer). */
  store(session) {
    if (!session || !session.token) return;
    this.#memory = session.token;
    this.author = session.author || this.author;
    stored(this.#key, session.token);
  }

  drop() {
    this.author = null;
    if (this.#signedIn) {
      this.#signedIn = null;
      return;
    }
    this.#memory = null;
    stored(this.#key, null);
  }
}

/** Values a guest typed once, kept per site in localStorage (their name, their notification address). */
export class SiteMemory {
  #site;

  constructor(site) {
    this.#site = site;
  }

  /** Forgets the remembered value. */
  forget(what) {
    try {
      localStorage.removeItem(`parley.${what}.${this.#site}`);
    } catch {
      /* storage disabled: nothing was kept */
    }
  }

  /** The remembered value ('' when none); with `value`, remembers it first. */
  remembered(what, value) {
    const key = `parley.${what}.${this.#site}`;
    try {
      if (value) localStorage.setItem(key, value);
      return localStorage.getItem(key) || '';
    } catch {
      return value || '';
    }
  }
}

/** A fresh idempotency key. */
export function uuid() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/**
 * Calls as the reader. opts: body, idempotencyKey, auth (an Auth), fresh (revalidate a page the
 * browser may hold), needsToken (a 401 is final). A 401 on a call that merely carried a token
 * drops the token and tries once more anonymously.
 */
export class ReaderApi extends JsonApi {
  /** @param lang the reader's language (the widget's `lang`): server messages come back in it */
  constructor(base, lang) {
    super(base, { mode: 'cors', credentials: 'omit' });
    // Only a well-formed language tag: Accept-Language stays CORS-safelisted (no preflight) only
    // with letters, digits and a few separators, and the server allows no other header it would ask for.
    this.lang = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang || '') ? lang : null;
  }

  async call(method, path, opts = {}, retried = false) {
    // Accept-Language is a CORS-safelisted header: it costs no preflight.
    const headers = this.lang ? { 'Accept-Language': this.lang } : {};
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    if (opts.auth) Object.assign(headers, opts.auth.headers());
    try {
      // Public pages may be cached for seconds; a reload the reader asked for revalidates (ETag).
      return await this.request(method, path, { body: opts.body, headers, cache: opts.fresh ? 'no-cache' : 'default' });
    } catch (e) {
      if (e.status === 401 && opts.auth && opts.auth.token() && !retried && !opts.needsToken) {
        opts.auth.drop();
        return this.call(method, path, opts, true);
      }
      throw e;
    }
  }

  /**
   * Whether the server answers at all, asked without CORS (an opaque answer): when a call failed
   * with no status but this succeeds, the server is up and refused this page's origin.
   */
  async reachable(path) {
    try {
      await fetch(this.base + path, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
      return true;
    } catch {
      return false;
    }
  }
}

/** The reader API of this page for <parley-count> and Parley.counts, under the widget's own server. */
export const readerApi = new ReaderApi(API);
