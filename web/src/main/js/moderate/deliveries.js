/**
 * A delivery log (mails or webhook calls) as a table: what was sent, its status in words, attempts,
 * the next attempt while pending, the receiver's answer or the error, and a Retry button on a
 * delivery that failed for good. The rows are the server's (…/deliveries); no addresses, no payloads.
 */
import { h } from '../shared/dom.js';
import { scrollBox, when } from './ui.js';

const STATUS = { pending: 'Waiting to be sent', delivered: 'Delivered', failed: 'Failed for good', dropped: 'Dropped' };

/** A delivery's outcome in words: the receiver's HTTP status and the error, if any. */
function outcome(d) {
  if (d.lastStatus != null) return `HTTP ${d.lastStatus}${d.lastError && d.lastError !== `HTTP ${d.lastStatus}` ? ` · ${d.lastError}` : ''}`;
  return d.lastError || '';
}

/**
 * @param label  the table's accessible name ("Delivery log of https://…")
 * @param rows   deliveries, the newest first
 * @param retry  called with a delivery that failed for good when its Retry button is pressed
 */
export function deliveryTable(label, rows, retry) {
  return scrollBox(`${label} (table)`, h('table', { class: 'deliveries' },
    h('caption', { class: 'sr' }, label),
    h('thead', null, h('tr', null, ['What', 'Created', 'Status', 'Attempts', 'Next attempt', 'Answer or error', 'Delivered', 'Action']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows.map((d) => h('tr', null,
      h('td', null, d.kind.replace(/^mail\./, '')), h('td', null, when(d.createdAt)),
      h('td', null, STATUS[d.status] || d.status), h('td', null, String(d.attempts)),
      h('td', null, d.status === 'pending' ? when(d.nextAttemptAt) : ''), h('td', null, outcome(d)),
      h('td', null, when(d.deliveredAt)),
      h('td', null, d.status === 'failed' ? h('button', { type: 'button', class: 'quiet',
        'aria-label': `Retry the ${d.kind} of ${new Date(d.createdAt).toLocaleString()}`, onclick: () => retry(d) }, 'Retry') : ''))))));
}
