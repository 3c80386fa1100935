/*!
 * Parley comment widget. One tag on any page of an allowed site:
 *   <script src="https://parley.example/widget/parley.js" async></script>
 *   <parley-comments site="demo" article="key" url="https://…" title="…"></parley-comments>
 *   <parley-count site="demo" article="key"></parley-count>
 *
 * Guarantees:
 * - Comment bodies are rendered only from the server's sanitised `html` field (setSanitizedHtml in
 *   shared/dom.js); every other string (names, reasons, previews, nudge spans) goes through text nodes.
 * - Styles live in Shadow DOM: the host page's CSS does not leak in, ours does not leak out.
 *   Hosts theme the widget with the --parley-* custom properties only.
 * - Every control is a native, labelled element reachable by keyboard; status, nudge and
 *   new-comment announcements go through aria-live regions.
 * - The API base is derived from this script's own URL; no other origin is contacted.
 */
import { API } from './base.js';
import { counts, ParleyCount } from './count.js';
import { addMessages } from './messages.js';
import { ParleyComments } from './thread.js';

// Loaded twice on one page: the first copy stays in charge.
if (!customElements.get('parley-comments')) {
  customElements.define('parley-comments', ParleyComments);
  customElements.define('parley-count', ParleyCount);
  window.Parley = Object.freeze({ counts, addMessages, apiBase: API });
}
