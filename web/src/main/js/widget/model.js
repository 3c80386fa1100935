/** The server's thread answers in the shape the widget renders (docs/api.md, "Reader API"). */

export function normaliseComment(c) {
  c = c || {};
  const status = String(c.status || 'published').toLowerCase();
  return {
    id: c.id, parentId: c.parentId || null, html: c.html || '', body: c.body || null,
    author: { id: c.author ? c.author.id : null, name: c.author ? c.author.name : '', avatarUrl: (c.author && c.author.avatarUrl) || null },
    tombstone: status === 'deleted' || status === 'removed',
    createdAt: c.createdAt, editedAt: c.editedAt || null, status,
    featured: !!c.featured, reactions: c.reactions || 0, reacted: !!c.reacted,
    mine: !!c.mine, canEdit: !!c.canEdit, version: c.version,
    moreReplies: c.moreRepliesCursor || null,
    replies: (c.replies || []).map(normaliseComment),
  };
}

export function normalisePage(d) {
  d = d || {};
  return {
    comments: (d.comments || []).map(normaliseComment),
    nextCursor: d.nextCursor || null, total: d.total, article: d.article || null,
  };
}
