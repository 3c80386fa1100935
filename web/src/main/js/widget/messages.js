/** The widget's messages: English first, other languages overlaid from widget/i18n/{lang}.js. */
import { BASE } from './base.js';

export const EN = {
  heading: '{n} comments', heading1: '1 comment', heading0: 'Comments',
  sortBy: 'Sort by', newest: 'Newest', oldest: 'Oldest', top: 'Top', replies: 'Most replies',
  loadMore: 'Load more comments', loading: 'Loading comments…',
  empty: 'No comments yet. Start the conversation.', retry: 'Try again',
  yourComment: 'Your comment', yourReply: 'Your reply to {name}', editLabel: 'Edit your comment',
  name: 'Your name', chooseName: 'Choose a display name', continue: 'Continue',
  post: 'Post comment', postReply: 'Post reply', cancel: 'Cancel', save: 'Save changes',
  preview: 'Preview', previewEmpty: 'Nothing to preview.',
  markdownHint: 'Markdown: *emphasis*, **bold**, [link](https://…), > quote, `code`.',
  chars: '{n} of {max} characters', posting: 'Posting…',
  posted: 'Your comment is published.', saved: 'Changes saved.',
  held: 'Your comment is awaiting review.', heldBadge: 'Awaiting review',
  nudgeDefault: 'This may come across as uncivil. Post anyway or edit?',
  postAnyway: 'Post anyway', editIt: 'Edit', reply: 'Reply', replyTo: 'Reply to {name}',
  replyingTo: 'replying to {name}', edit: 'Edit', edited: 'edited', del: 'Delete',
  deletedOwn: 'Your comment was deleted.', confirmDelete: 'Delete your comment? This cannot be undone.',
  gone_deleted: 'This comment was deleted by its author.', gone_removed: 'This comment was removed by a moderator.',
  like: 'Like', likeLabel: 'Like the comment by {name} ({n} likes)',
  report: 'Report', reportLabel: 'Report the comment by {name}', reportTitle: 'Report this comment',
  reportReason: 'Why should a moderator look at it?', reportSend: 'Send report',
  reportDetails: 'Details (optional)', reportDetailsOther: 'Details (required for “Something else”)',
  reported: 'Thank you. A moderator will review the comment.',
  spam: 'Spam or advertising', abusive: 'Abusive or harassing', off_topic: 'Off-topic',
  illegal: 'Illegal content', other: 'Something else',
  featured: 'Featured', featuredBy: 'Featured by the editors',
  newComments: 'Show {n} new comments', newComment: 'Show 1 new comment', newAnnounce: '{n} new comments are available.',
  signedInAs: 'Signed in as {name}', guestNotAllowed: 'Sign in on this site to comment.',
  closed: 'Comments are closed for this article.', nameRequired: 'Please enter a name.',
  notifyMe: 'Email me when someone replies', email: 'Email address',
  emailRequired: 'Please enter an email address for notifications.',
  confirmEmail: 'We sent you an email: confirm your address to receive notifications.',
  bodyRequired: 'Please write a comment first.', error: 'Something went wrong. Please try again.',
  moreReplies: 'Show more replies to {name}', justNow: 'just now',
  originRefused: 'Comments cannot load on this page: its address ({origin}) is not registered for the site “{site}”.',
  originAdmin: 'Administrators add it in the Parley console.',
  permalink: 'Link to this comment', linkMissing: 'The linked comment is not in this thread any more.',
  reportedBtn: 'Reported', reportedLabel: 'You reported the comment by {name}',
  approvedOwn: 'A moderator approved your comment: everyone can read it now.',
  rejectedOwn: 'A moderator did not publish your comment. Only you see it here, until you reload the page.',
  rejectedWhy: 'A moderator did not publish your comment. {reason} Only you see it here, until you reload the page.',
  postingAs: 'Posting as {name}', changeName: 'change name', forgetMe: 'forget me',
  newBadge: 'New', unread: '{n} new comments since your last visit', unread1: '1 new comment since your last visit',
  nameChange: 'Choose your new name below.', forgotten: 'This browser no longer remembers you.'
};

const catalogs = { en: EN };
const pending = {};

/**
 * The message table for `lang`: English, or English overlaid with widget/i18n/{lang}.js, loaded
 * once as a script (a host page that allows parley.js allows it too; no CORS needed). A missing
 * translation leaves the English text.
 */
export function loadCatalog(lang) {
  if (!/^[a-z]{2,3}$/.test(lang || '') || catalogs[lang]) return Promise.resolve(catalogs[lang] || EN);
  pending[lang] ??= new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = new URL(`widget/i18n/${lang}.js`, BASE).href;
    s.async = true;
    s.onload = s.onerror = () => resolve(catalogs[lang] || (catalogs[lang] = EN));
    document.head.appendChild(s);
  });
  return pending[lang];
}

/** Registers a translation (called by widget/i18n/{lang}.js as Parley.addMessages). */
export function addMessages(lang, table) {
  catalogs[lang] = { ...EN, ...table };
}

/** `text` with each {name} replaced by vars.name (left as it is when vars has no such value). */
export function format(text, vars) {
  return String(text).replace(/\{(\w+)\}/g, (m, k) => (vars && vars[k] != null ? String(vars[k]) : m));
}
