/**
 * Administrators: import a Disqus export, a WordPress WXR file or a Parley export into one site,
 * with the upload's progress and the server's report in words; and the link that downloads the
 * site's export (NDJSON). Importing the same file again adds nothing, so a retry is safe.
 */
import { h, nextId } from '../shared/dom.js';
import { ApiError, seg } from '../shared/http.js';
import { confirmIn, errorBox, scrollBox } from './ui.js';

const FORMATS = { disqus: 'Disqus', wxr: 'WordPress (WXR)', parley: 'Parley export' };

/** "3 comments", "1 comment". */
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many || `${one}s`}`;
}

/** The content type the import endpoint expects for a file, guessed from its name as the command line does. */
function typeOf(file) {
  return /\.(ndjson|jsonl)$/i.test(file.name) ? 'application/x-ndjson' : 'application/xml';
}

export class TransfersView {
  constructor(app, site) {
    this.app = app;
    this.site = site;
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.report = h('div');
    const fileId = nextId('file');
    this.file = h('input', { type: 'file', id: fileId, name: 'file', required: true, accept: '.xml,.wxr,.ndjson,.jsonl' });
    this.progress = h('progress', { max: '100', value: '0', hidden: true, 'aria-label': 'Upload progress' });
    this.progressText = h('p', { role: 'status', class: 'muted' });
    this.button = h('button', { type: 'submit', class: 'primary' }, 'Import file');
    const form = h('form', { class: 'admin-form', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, 'Import'),
      h('p', { class: 'muted' }, 'A Disqus export or a WordPress export (.xml), or a Parley export (.ndjson). '
        + 'Importing the same file again adds nothing. Very large files: use the command line (parley-porting.jar).'),
      h('div', { class: 'field' }, h('label', { for: fileId }, 'File to import'), this.file),
      this.button, this.progress, this.progressText);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.file.files.length) this.#upload(this.file.files[0]);
    });
    const exportUrl = this.app.api.url(`admin/sites/${seg(site)}/export`);
    this.node = h('section', null, h('p', null, h('a', { href: `#/sites/${seg(site)}` }, `← Site ${site}`)),
      h('h1', null, `Import and export: ${site}`), this.done, form, this.report,
      h('section', { 'aria-labelledby': 'export-title' }, h('h2', { id: 'export-title' }, 'Export'),
        h('p', null, 'The site’s articles, authors and comments as one NDJSON file, which imports back into Parley as it is.'),
        h('p', null, h('a', { href: exportUrl, download: `${site}-export.ndjson` }, `Download the export of ${site}`))));
  }

  /** Sends the file (XMLHttpRequest: fetch reports no upload progress) and shows the report. */
  #upload(file) {
    const me = this.app.me;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', this.app.api.url(`admin/sites/${seg(this.site)}/imports`));
    xhr.setRequestHeader('Content-Type', typeOf(file));
    xhr.setRequestHeader('Accept', 'application/json');
    if (me) xhr.setRequestHeader(me.csrfHeader || 'X-CSRF-Token', me.csrfToken);
    xhr.responseType = 'json';
    this.report.textContent = '';
    this.button.disabled = true;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.progressText.textContent = `Uploading ${file.name}…`;
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      this.progress.value = Math.round((e.loaded / e.total) * 100);
      this.progressText.textContent = `Uploading ${file.name}: ${this.progress.value}%`;
    };
    xhr.upload.onload = () => {
      this.progress.value = 100;
      this.progressText.textContent = `Uploaded ${file.name}. Importing…`;
    };
    xhr.onload = () => this.#finished(xhr, file);
    xhr.onerror = () => this.#failed(new ApiError(0, null));
    xhr.send(file);
  }

  #finished(xhr, file) {
    this.button.disabled = false;
    this.progress.hidden = true;
    if (xhr.status === 401) this.app.signedOut();
    if (xhr.status < 200 || xhr.status > 299) {
      this.#failed(new ApiError(xhr.status, xhr.response));
      return;
    }
    const r = xhr.response || {};
    this.progressText.textContent = '';
    this.#show(r, file.name);
    confirmIn(this.done, `Imported ${file.name}: ${count(r.comments, 'comment')}, ${count(r.skippedTotal, 'post')} skipped.`);
  }

  #failed(err) {
    this.button.disabled = false;
    this.progress.hidden = true;
    this.progressText.textContent = '';
    this.report.appendChild(errorBox(new Error(`Nothing was imported. ${err.message}`)));
  }

  /** The report in sentences, and the skipped posts with their reasons. */
  #show(r, name) {
    const lines = [
      `${count(r.articlesCreated, 'article')} created${r.articlesExisting ? `, ${r.articlesExisting} already on the site` : ''}.`,
      `${count(r.comments, 'comment')} imported, by ${count(r.authorsCreated, 'new author')}.`,
      r.tombstones ? `${count(r.tombstones, 'placeholder')} for deleted posts that have replies.` : null,
      r.alreadyImported ? `${count(r.alreadyImported, 'post')} already imported before (left as they were).` : null,
      r.reattached ? `${count(r.reattached, 'reply', 'replies')} whose parent is not in the file, shown at the top level.` : null,
      r.undated ? `${count(r.undated, 'comment')} without a readable date, dated now.` : null,
      r.skippedTotal ? `${count(r.skippedTotal, 'post')} skipped:` : 'Nothing skipped.',
    ].filter(Boolean);
    const reasons = r.reasons || {};
    const listed = r.skippedPosts || [];
    this.report.append(h('section', { 'aria-labelledby': 'report-title' },
      h('h2', { id: 'report-title' }, `Report: ${name} (${FORMATS[r.format] || r.format})`),
      lines.map((l) => h('p', null, l)),
      r.skippedTotal ? h('ul', null, Object.entries(r.skipped || {}).map(([code, n]) => h('li', null,
        h('strong', null, String(n)), ` — ${reasons[code] || code}`))) : null,
      listed.length ? scrollBox('Skipped posts', h('table', { class: 'skipped' },
        h('caption', null, listed.length < r.skippedTotal ? `The first ${listed.length} skipped posts` : 'Skipped posts'),
        h('thead', null, h('tr', null, ['Post in the file', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, listed.map((p) => h('tr', null, h('td', null, h('code', null, p.source)),
          h('td', null, reasons[p.reason] || p.reason))))))
        : null));
  }
}
