/**
 * JMH benchmarks of the moderation module: civility scoring of one comment, sanitising throughput
 * over the XSS corpus, and full screening of one comment. Built and run only with the {@code jmh}
 * profile (see docs/BENCHMARKS.md for the command); never part of the test build.
 */
package org.parley.moderation.bench;
