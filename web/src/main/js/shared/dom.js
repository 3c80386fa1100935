/**
 * DOM helpers of the widget, the moderation console and the demo page.
 *
 * The guarantee: strings enter the page as text nodes (h, svg, highlighted); markup enters it in
 * one place only, setSanitizedHtml, and only with HTML the server's sanitiser produced.
 */

/**
 * Applies `attrs` to `node`: `text` sets the text, `props` assigns properties, `dataset` data
 * attributes, `onX` adds a listener for X; any other key is an attribute (true: present, empty).
 * Keys whose value is null, undefined or false are left out.
 */
function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'props') Object.assign(node, value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
}

/** Appends children: nodes as they are, arrays flattened, other values as text; null and false skipped. */
export function append(node, ...children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(node, ...child);
    else node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: `h('button', { type: 'button', onclick: f }, 'Reply')`. */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** An SVG element, built the same way. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/**
 * The only place markup from the network enters the DOM: HTML produced by the server's OWASP
 * policy (a comment's `html`, the demo article's text). Never call it with anything else. Links
 * open in a new tab without referrer or endorsement, unless `external` is false (the host's own text).
 */
export function setSanitizedHtml(node, sanitizedHtml, { external = true } = {}) {
  node.innerHTML = sanitizedHtml || '';
  if (!external) return;
  node.querySelectorAll('a[href]').forEach((a) => {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'nofollow ugc noopener noreferrer');
  });
}

/**
 * `text` with the character ranges of `spans` wrapped in <mark> (titled by `titleOf`), as text
 * nodes and elements. Overlapping or out-of-range spans are skipped.
 */
export function highlighted(text, spans, titleOf = (s) => s.attribute || null) {
  const parts = [];
  let at = 0;
  for (const s of [...(spans || [])].sort((x, y) => x.start - y.start)) {
    if (s.start < at || s.end <= s.start || s.end > text.length) continue;
    parts.push(text.slice(at, s.start), h('mark', { title: titleOf(s) }, text.slice(s.start, s.end)));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts;
}

let idSeq = 0;

/** A document-unique id for labelling (`parley-<prefix>-<n>`). */
export function nextId(prefix) {
  idSeq += 1;
  return `parley-${prefix}-${idSeq}`;
}
