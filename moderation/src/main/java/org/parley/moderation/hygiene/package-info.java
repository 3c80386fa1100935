/**
 * Text hygiene: what a submitted text must look like before anything else reads it. {@link
 * org.parley.moderation.hygiene.TextHygiene} puts text in Unicode normal form C, removes the
 * characters that hide or reorder content (bidirectional overrides and isolates, zero-width and
 * other invisible characters, stray controls), caps stacked combining marks ("zalgo"), tidies line
 * breaks and reports every change as a {@link org.parley.moderation.hygiene.HygieneFinding}, and
 * says whether the cleaned text fits the length and line limits. Matching against word lists uses
 * its own, more aggressive normalisation (compatibility forms, homoglyphs); this package only
 * produces the text that is stored and shown.
 */
package org.parley.moderation.hygiene;
