/** The dashboard's charts, drawn as SVG by hand; each also comes as a table (docs: accessible charts). */
import { h, nextId, svg } from '../shared/dom.js';
import { pct } from './ui.js';

/** A figure with a caption, the drawing, and its data as a table behind a disclosure. */
export function chart(title, description, drawing, table) {
  const id = nextId('chart');
  return h('figure', { class: 'chart', 'aria-labelledby': id },
    h('figcaption', { id }, title),
    drawing(description),
    h('details', null, h('summary', null, 'Show the data as a table'), table));
}

function axisLabel(x, y, text, anchor = 'middle') {
  return svg('text', { x, y, 'text-anchor': anchor, class: 'axis' }, text);
}

/** Stacked bars per day: published, held, rejected. */
export function perDayChart(days, desc) {
  const W = 640, H = 220, pad = { l: 36, r: 8, t: 10, b: 28 };
  const max = Math.max(1, ...days.map((d) => d.comments));
  const bw = (W - pad.l - pad.r) / Math.max(1, days.length);
  const y = (v) => H - pad.b - v / max * (H - pad.t - pad.b);
  const names = { pub: 'published', held: 'held', rej: 'rejected' };
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': desc, class: 'svg' },
    [0, Math.round(max / 2), max].map((t) => svg('g', null, svg('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
      axisLabel(pad.l - 6, y(t) + 4, String(t), 'end'))),
    days.map((d, i) => {
      const x = pad.l + i * bw + bw * 0.15, w = bw * 0.7;
      const pub = Math.max(0, d.comments - d.held - d.rejected);
      let base = 0;
      return svg('g', null, [['pub', pub], ['held', d.held], ['rej', d.rejected]].map(([kind, n]) => {
        if (!n) return null;
        const r = svg('rect', { x, y: y(base + n), width: w, height: y(base) - y(base + n), class: `bar-${kind}` },
          svg('title', null, `${d.date}: ${n} ${names[kind]}`));
        base += n;
        return r;
      }), i % 2 === 0 || days.length <= 8 ? axisLabel(x + w / 2, H - 10, d.date.slice(5)) : null);
    }));
}

/** Two lines: the share of comments held and rejected per day. */
export function ratesChart(days, desc) {
  const W = 640, H = 180, pad = { l: 40, r: 8, t: 10, b: 28 };
  const x = (i) => pad.l + (days.length < 2 ? 0 : i * (W - pad.l - pad.r) / (days.length - 1));
  const y = (v) => H - pad.b - v * (H - pad.t - pad.b);
  const line = (key, cls) => svg('polyline', {
    points: days.map((d, i) => `${x(i)},${y(d.comments ? d[key] / d.comments : 0)}`).join(' '), class: cls, fill: 'none',
  });
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': desc, class: 'svg' },
    [0, 0.5, 1].map((t) => svg('g', null, svg('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
      axisLabel(pad.l - 6, y(t) + 4, `${Math.round(t * 100)}%`, 'end'))),
    line('held', 'line-held'), line('rejected', 'line-rej'),
    days.map((d, i) => (i % 2 === 0 || days.length <= 8 ? axisLabel(x(i), H - 10, d.date.slice(5)) : null)));
}

/** Horizontal bars: share of uncivil comments per article. */
export function heatedChart(articles, desc) {
  const W = 640, row = 30, H = Math.max(1, articles.length) * row + 10, left = 250;
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': desc, class: 'svg' },
    articles.map((a, i) => {
      const w = (W - left - 60) * a.uncivilShare, yy = 5 + i * row;
      const title = a.title || a.key || '';
      return svg('g', null,
        svg('text', { x: left - 8, y: yy + 17, 'text-anchor': 'end', class: 'label' }, title.length > 34 ? `${title.slice(0, 33)}…` : title),
        svg('rect', { x: left, y: yy + 4, width: Math.max(1, w), height: row - 10, class: 'bar-heat' },
          svg('title', null, `${title}: ${pct(a.uncivilShare)} of ${a.comments}`)),
        svg('text', { x: left + w + 6, y: yy + 17, class: 'axis' }, pct(a.uncivilShare)));
    }));
}
