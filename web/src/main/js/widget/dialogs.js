/** The widget's modal dialogs: confirmation, the guest's name, and reporting a comment. */
import { h, nextId } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { REPORT_REASONS } from './defaults.js';

export class Dialogs {
  /** @param thread the <parley-comments> element the dialogs open in */
  constructor(thread) {
    this.thread = thread;
  }

  /** A modal dialog in the widget's shadow root; focus returns to `opener` when it closes. */
  open(titleText, content, opener) {
    const titleId = nextId('dlg');
    const dlg = h('dialog', { 'aria-labelledby': titleId }, h('h2', { id: titleId }, titleText), content);
    dlg.addEventListener('close', () => {
      dlg.remove();
      if (opener && opener.isConnected) opener.focus();
    });
    this.thread._root.appendChild(dlg);
    dlg.showModal();
    return dlg;
  }

  /** Resolves to whether the reader chose `action`. */
  confirm(message, action, opener) {
    return new Promise((resolve) => {
      let result = false;
      const ok = h('button', { type: 'button', class: 'primary', onclick: () => { result = true; dlg.close(); } }, action);
      const dlg = this.open(message, h('div', { class: 'row' }, ok,
        h('button', { type: 'button', onclick: () => dlg.close() }, this.thread.t('cancel'))), opener);
      dlg.addEventListener('close', () => resolve(result));
      ok.focus();
    });
  }

  /** A reader token for actions that need one (react, report); guests pick a name first. Rejects with null on cancel. */
  async ensureReader(opener) {
    const th = this.thread;
    if (th._auth.token()) return true;
    const create = async (name) => {
      const r = await th._api.call('POST', `sites/${seg(th._site)}/readers`, { body: { name } });
      th._auth.store(r.data);
      th._compose.guestName(name);
      return true;
    };
    const name = th._compose.guestName();
    if (name) return create(name);
    return new Promise((resolve, reject) => {
      const t = th.t.bind(th), id = nextId('gn');
      let done = false;
      const input = h('input', { type: 'text', id, required: true, maxlength: '80', autocomplete: 'nickname' });
      const msg = h('div', { class: 'status err', role: 'alert' });
      const form = h('form', { method: 'dialog' },
        h('div', { class: 'field' }, h('label', { for: id }, t('name')), input), msg,
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('continue')),
          h('button', { type: 'button', onclick: () => dlg.close() }, t('cancel'))));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!input.value.trim()) {
          msg.textContent = t('nameRequired');
          input.focus();
          return;
        }
        try {
          await create(input.value.trim());
          done = true;
          dlg.close();
        } catch (err) {
          msg.textContent = err.message;
        }
      });
      const dlg = this.open(t('chooseName'), form, opener);
      dlg.addEventListener('close', () => (done ? resolve(true) : reject(null)));
      input.focus();
    });
  }

  /** Reports `c` with a reason (details required for "something else"). */
  async report(c, opener) {
    try {
      await this.ensureReader(opener);
    } catch (e) {
      this.thread._fail(e);
      return;
    }
    this.reportDialog(c, opener);
  }

  /** After a report (or the server saying there already is one): the button says so and stays off. */
  reportedBy(c, btn, message, dlg) {
    const th = this.thread, cards = th._cards, art = btn.closest('li').querySelector('article');
    // The report button is off now: focus goes back to the comment instead, once the dialog has closed.
    dlg.addEventListener('close', () => art.focus());
    dlg.close();
    cards.reported(c.id, true);
    btn.disabled = true;
    btn.removeAttribute('aria-haspopup');
    btn.textContent = th.t('reportedBtn');
    btn.setAttribute('aria-label', th.t('reportedLabel', { name: c.author.name }));
    cards.note(btn.closest('li'), message);
  }

  reportDialog(c, opener) {
    const th = this.thread, t = th.t.bind(th), group = nextId('r'), detailsId = nextId('d');
    const details = h('textarea', { id: detailsId, maxlength: '500', rows: '3' });
    const detailsLabel = h('label', { for: detailsId }, t('reportDetails'));
    const msg = h('div', { class: 'status err', role: 'alert' });
    const options = REPORT_REASONS.map((r, i) => {
      const id = `${group}-${r}`;
      return h('div', { class: 'opt' },
        h('input', { type: 'radio', name: group, id, value: r, props: { checked: i === 0 },
          onchange: () => { detailsLabel.textContent = t(r === 'other' ? 'reportDetailsOther' : 'reportDetails'); } }),
        h('label', { for: id }, t(r)));
    });
    const form = h('form', { method: 'dialog' },
      h('fieldset', null, h('legend', null, t('reportReason')), options),
      h('div', { class: 'field' }, detailsLabel, details), msg,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('reportSend')),
        h('button', { type: 'button', onclick: () => dlg.close() }, t('cancel'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const reason = form.querySelector('input[type=radio]:checked').value;
      if (reason === 'other' && !details.value.trim()) {
        msg.textContent = t('reportDetailsOther');
        details.focus();
        return;
      }
      try {
        await th._api.call('POST', `comments/${seg(c.id)}/reports${query({ site: th._site })}`, {
          body: { reason, text: details.value.trim() || null }, auth: th._auth, needsToken: true,
        });
        this.reportedBy(c, opener, t('reported'), dlg);
      } catch (err) {
        if (err && err.status === 409) {
          this.reportedBy(c, opener, err.message, dlg);
          return;
        }
        msg.textContent = err && err.status ? err.message : t('error');
      }
    });
    const dlg = this.open(t('reportTitle'), form, opener);
    form.querySelector('input').focus();
  }
}
