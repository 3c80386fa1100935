/**
 * Offline civility scoring: a calibrated probability per {@link org.parley.moderation.civility.Attribute}
 * (toxicity, severe toxicity, insult, identity attack, threat, profanity, dismissive, attack on the
 * commenter or author, and the overall uncivil estimate) with the spans of the original text that
 * drove each score. Text is normalised against obfuscation first ({@link
 * org.parley.moderation.civility.TextNormalizer}); the model is hashed word and character n-gram
 * logistic regression plus hand-built cues, trained by this package's own code
 * ({@link org.parley.moderation.civility.Trainer}) and measured by
 * {@link org.parley.moderation.civility.Evaluator}. Entry point for scoring:
 * {@link org.parley.moderation.civility.CivilityScorer#loadDefault()}.
 */
package org.parley.moderation.civility;
