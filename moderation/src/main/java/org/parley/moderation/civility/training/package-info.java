/**
 * The civility model's training and evaluation tools, never run by a server: {@link
 * org.parley.moderation.civility.training.Trainer} reads the labelled data sets by path and writes the
 * weight file (lexical heads, Platt calibration and the combiner in {@code Calibration}, the semantic
 * heads and stacking layer in {@code SemanticTrainer}); {@link
 * org.parley.moderation.civility.training.Evaluator} measures a weight file on the held-out splits and
 * the functional suites ({@code Metrics}, {@code Thresholds}). Both are reached from the command line
 * ({@code parley-moderation train | evaluate}) or by class name; docs/CIVILITY.md has the commands.
 * {@link org.parley.moderation.civility.training.TrainingRows} writes the semantic stage's training
 * rows for the encoder fine-tuning tool ({@code moderation/src/main/training/finetune}).
 */
package org.parley.moderation.civility.training;
