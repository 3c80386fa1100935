/**
 * Reason codes in words. Screening and decisions store stable codes (`civility.nudge_declined`,
 * `off_topic`); moderators read these sentences, with the code in the element's title for those who
 * search the audit log by it. An unknown code is shown readably ("spam_bot" → "Spam bot").
 */

const ATTRIBUTES = {
  toxicity: 'toxic', severe_toxicity: 'severely toxic', insult: 'insulting', identity_attack: 'an attack on identity',
  threat: 'threatening', profanity: 'profane', dismissive: 'dismissive', attack_on_person: 'an attack on a person',
  uncivil: 'uncivil overall',
};

const LABELS = {
  'text.empty': 'Nothing left after cleaning', 'text.too_long': 'Longer than the site allows',
  'text.too_many_lines': 'More lines than the site allows', 'article.closed': 'Discussion closed',
  'article.premoderated': 'Pre-moderated: every comment is held', 'author.banned': 'Author is banned',
  'author.suspended': 'Author is suspended', 'author.new': 'New author: first comments are reviewed',
  'author.premoderated': 'Author marked for review of every comment',
  'author.rejection_rate': 'Many of the author’s recent comments were rejected', 'rate.limited': 'Posting too fast',
  'repeat.duplicate': 'Same text posted again', 'markup.empty': 'Markup with nothing to show',
  'markup.injection': 'Script-like markup was removed', 'markup.removed': 'Unsupported markup was removed',
  'words.banned': 'Contains a banned word', 'words.suspect': 'Contains a suspect word', 'links.too_many': 'Too many links',
  'civility.uncivil': 'Scored as uncivil overall', 'language.unscored': 'Language the civility model does not score',
  'civility.nudge_declined': 'Posted unchanged after a civility nudge',
  incivility: 'Incivility', personal_attack: 'Personal attack', spam: 'Spam', off_topic: 'Off-topic', illegal: 'Illegal content',
  abusive: 'Abusive or harassing', other: 'Other',
};

/** A reason code for people. */
export function reasonLabel(code) {
  if (!code) return '';
  if (LABELS[code]) return LABELS[code];
  const civility = /^civility\.(\w+)$/.exec(code);
  if (civility && ATTRIBUTES[civility[1]]) return `Scored as ${ATTRIBUTES[civility[1]]}`;
  const words = code.replace(/^[a-z]+\./, '').replace(/[._]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : code;
}

/** A score attribute for people ("attack_on_person" → "attack on a person"). */
export function attributeLabel(key) {
  return key === 'uncivil' ? 'uncivil (overall)' : key.replace(/_/g, ' ');
}
