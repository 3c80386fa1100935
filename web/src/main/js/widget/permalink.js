/**
 * Permalinks: `#parley-c-<id>` in the page's address opens the thread at that comment. The widget
 * loads further pages until the comment is there (at most MAX_PAGES), scrolls to it, highlights it
 * and moves focus to it; a comment that cannot be found is said so.
 */
const MAX_PAGES = 25;

/** The comment id a page address points at, or null. */
export function linkedId(hash) {
  const m = /^#parley-c-([\w-]{1,64})$/.exec(hash || '');
  return m ? m[1] : null;
}

/** Shows the comment `id` of `thread`, loading pages as needed; resolves to whether it was found. */
export async function goToComment(thread, id) {
  const find = () => thread._list.querySelector(`li.c[data-id="${CSS.escape(id)}"]`);
  let li = find();
  for (let pages = 0; !li && thread._cursor && pages < MAX_PAGES; pages++) {
    await thread._loadMore(true);
    li = find();
  }
  if (!li) {
    thread._say(thread.t('linkMissing'));
    return false;
  }
  thread._list.querySelectorAll('li.c.target').forEach((n) => n.classList.remove('target'));
  li.classList.add('target');
  const art = li.querySelector(':scope > article');
  art.scrollIntoView({ block: 'center' });
  art.focus({ preventScroll: true });
  return true;
}
