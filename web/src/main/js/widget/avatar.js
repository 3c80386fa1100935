/**
 * Avatars, without the network unless the host site names a picture: a circle with the author's
 * initials, its colour from a hash of the author's id (the same author looks the same everywhere),
 * drawn as inline SVG. A host-site reader's picture (the JWT's `picture`, an https URL the server
 * checked) is shown instead where the site allows images, without a referrer; if it fails to load,
 * the initials come back. Either way the avatar is decorative: the name beside it says who it is.
 */
import { h, svg } from '../shared/dom.js';

/** FNV-1a over the UTF-16 units of `text`: a stable 32-bit hash. */
export function hash(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x;
}

/** Up to two initials of `name` ("Ann Lee" → "AL"), "?" when it has none. */
export function initials(name) {
  const letters = String(name || '').trim().split(/\s+/).filter(Boolean).slice(0, 2).map((w) => Array.from(w)[0]);
  return (letters.join('') || '?').toUpperCase();
}

function drawn(author) {
  const hue = hash(String(author.id || author.name || '')) % 360;
  // Lightness 30 %: white initials stay above 4.5:1 contrast at every hue.
  return svg('svg', { class: 'avatar', viewBox: '0 0 32 32', width: '32', height: '32', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: '16', cy: '16', r: '16', fill: `hsl(${hue} 50% 30%)` }),
    svg('text', { x: '16', y: '16', 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: '#fff',
      'font-size': '13', 'font-weight': '600', 'font-family': 'system-ui,sans-serif' }, initials(author.name)));
}

/** The avatar of `author` ({id, name, avatarUrl}); `imagesAllowed`: the site's setting. */
export function avatar(author, imagesAllowed) {
  const url = author.avatarUrl;
  if (!imagesAllowed || !url || url.length > 500 || !/^https:\/\/[^\s"'<>\\`]+$/i.test(url)) return drawn(author);
  const img = h('img', { class: 'avatar', src: url, alt: '', width: '32', height: '32', referrerpolicy: 'no-referrer',
    loading: 'lazy', decoding: 'async', onerror: () => img.replaceWith(drawn(author)) });
  return img;
}
