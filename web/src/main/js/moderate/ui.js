/** Small pieces every view of the console uses: announcements, times, percentages, dialogs and form fields. */
import { h, nextId } from '../shared/dom.js';

/** Says `msg` through the page's polite live region. */
export function announce(msg) {
  const box = document.getElementById('announce');
  box.textContent = '';
  setTimeout(() => { box.textContent = msg; }, 30);
}

/** A <time> element in the moderator's locale ('' without a time). */
export function when(iso) {
  if (!iso) return '';
  return h('time', { datetime: iso }, new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

export function pct(x) {
  return x == null ? '–' : `${Math.round(x * 100)}%`;
}

export function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, err.message);
}

/**
 * A modal form: `fields` is a list of elements; resolves with the form's values on submit, null on
 * cancel. Focus returns to where it was.
 */
export function ask(title, fields, submitLabel, destructive) {
  return new Promise((resolve) => {
    const opener = document.activeElement, titleId = nextId('dlg');
    let result = null;
    const form = h('form', { method: 'dialog' }, fields,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: destructive ? 'danger' : 'primary' }, submitLabel),
        h('button', { type: 'button', onclick: () => dlg.close() }, 'Cancel')));
    const dlg = h('dialog', { 'aria-labelledby': titleId }, h('h2', { id: titleId }, title), form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!form.reportValidity()) return;
      result = {};
      new FormData(form).forEach((v, k) => { result[k] = typeof v === 'string' ? v.trim() : v; });
      dlg.close();
    });
    dlg.addEventListener('close', () => {
      dlg.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    });
    document.body.appendChild(dlg);
    dlg.showModal();
    const first = form.querySelector('select,input,textarea');
    if (first) first.focus();
  });
}

const REASONS = [['incivility', 'Incivility'], ['personal_attack', 'Personal attack'], ['spam', 'Spam'],
  ['off_topic', 'Off-topic'], ['illegal', 'Illegal content'], ['other', 'Other']];

/** The reason (and optional note) a rejection or removal asks for. */
export function reasonFields(withNote) {
  const rid = nextId('reason'), nid = nextId('note');
  return [
    h('div', { class: 'field' }, h('label', { for: rid }, 'Reason'),
      h('select', { id: rid, name: 'reason', required: true }, REASONS.map(([value, label]) => h('option', { value }, label)))),
    withNote === false ? null : h('div', { class: 'field' }, h('label', { for: nid }, 'Note for the audit log (optional)'),
      h('textarea', { id: nid, name: 'note', rows: 3, maxlength: 1000 })),
  ];
}

/** A labelled input (a textarea when `attrs` has rows). */
export function textField(name, label, attrs) {
  const id = nextId(name);
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h(attrs && attrs.rows ? 'textarea' : 'input', { id, name, ...attrs }));
}

/** A table with a caption, a header row and rows of cells. */
export function dataTable(caption, head, rows) {
  return h('table', null, h('caption', null, caption),
    h('thead', null, h('tr', null, head.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))));
}

/** A labelled checkbox. */
export function checkField(name, label, checked) {
  const id = nextId(name);
  return h('div', { class: 'check-field' }, h('input', { type: 'checkbox', id, name, props: { checked: !!checked } }),
    h('label', { for: id }, label));
}

/** A labelled select of [value, label] pairs with `value` chosen. */
export function selectField(name, label, options, value, attrs) {
  const id = nextId(name);
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name, ...attrs }, options.map(([v, l]) => h('option', { value: v, props: { selected: v === value } }, l))));
}

/** A form's values by name: checkboxes as booleans, other fields as trimmed strings. */
export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    values[el.name] = el.type === 'checkbox' ? el.checked : String(el.value).trim();
  }
  return values;
}

/** Lines of a textarea as a list (blank lines dropped). */
export function lines(text) {
  return String(text || '').split(/\n+/).map((w) => w.trim()).filter(Boolean);
}

/** A visible confirmation box that the live region also reads (`done` paragraph of a view). */
export function confirmIn(box, msg) {
  box.textContent = msg;
  box.hidden = false;
  announce(msg);
}

/** A region that scrolls sideways when its table is wider than the screen, reachable by keyboard. */
export function scrollBox(label, content) {
  return h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': label }, content);
}
