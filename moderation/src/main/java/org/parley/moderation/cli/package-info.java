/**
 * The command line, {@code java -jar parley-moderation.jar <command>}, for moderators, operators
 * and batch jobs. The line-oriented commands ({@code score}, {@code sanitize}, {@code
 * harness-adapter}, {@code dry-run}) read JSON lines on standard input and write one JSON line per
 * input line on standard output, in order; a line that cannot be handled gets an error line for
 * its id and the run goes on. {@code train} and {@code evaluate} hand over to the civility
 * package's trainer and evaluator. {@link org.parley.moderation.cli.Main} is the only entry point.
 */
package org.parley.moderation.cli;
