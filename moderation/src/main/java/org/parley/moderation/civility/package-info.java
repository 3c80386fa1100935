/**
 * Offline civility scoring, what a server runs: a calibrated probability per {@link
 * org.parley.moderation.civility.Attribute} (toxicity, severe toxicity, insult, identity attack, threat,
 * profanity, dismissive, attack on the commenter or author, and the overall uncivil estimate) with the
 * spans of the original text that drove each score. Text is normalised against obfuscation first
 * ({@link org.parley.moderation.civility.TextNormalizer}); the model is hashed word and character n-gram
 * logistic regression plus hand-built cues, with an optional semantic stage. Entry point for scoring:
 * {@link org.parley.moderation.civility.CivilityScorer#loadDefault()}.
 *
 * <p>The model's parts ({@code Model}, {@code FeatureExtractor}, {@code Features}, {@code
 * NormalizedText}, {@code SemanticEncoder}, {@code SemanticHeads}) are public only because the
 * training and evaluation tools in {@link org.parley.moderation.civility.training} build, write and
 * read them; a server needs {@code CivilityScorer}, {@code CivilityScores}, {@code Attribute}, {@code
 * Span} and {@code Languages} alone. {@code ModelPartsBoundaryTest} fails when any other package of
 * moderation, core, web or porting names one of the model's parts, or when this package names the
 * training tools.
 */
package org.parley.moderation.civility;
