/**
 * Where the widget came from. The API base is derived from this script's own URL; no other origin
 * is contacted. Evaluated while the bundle runs, when document.currentScript is still the widget's.
 */
const script = document.currentScript || document.querySelector('script[src*="/widget/parley.js"]');

/** The server's root URL (the folder above /widget/). */
export const BASE = new URL('..', script ? script.src : location.href);

/** The reader API's base URL. */
export const API = new URL('api/v1/', BASE).href;
