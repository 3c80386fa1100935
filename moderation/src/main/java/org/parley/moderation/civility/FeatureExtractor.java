package org.parley.moderation.civility;

import java.util.Arrays;

/**
 * Maps a normalised comment to hashed features: word unigrams and bigrams, character 3- to
 * 5-grams inside each word (padded with a space at both ends), then the hand-built cues of
 * {@link Cues}, their combinations, the kinds of obfuscation undone and the comment's length.
 * N-gram features weigh their bucket's inverse document frequency; word n-grams and character
 * n-grams are each scaled to unit length; cue and global features weigh 1. Pure and allocation-light: no regular expressions, no strings per token.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class FeatureExtractor {
    /** Characters of a word beyond this many get no character n-grams (URLs, keyboard mashing). */
    private static final int MAX_CHARS_PER_WORD = 24;

    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    private static final int SECOND_PERSON = Cues.Category.SECOND_PERSON.ordinal();
    private static final int BELITTLING = Cues.Category.BELITTLING.ordinal();
    private static final int DISMISSIVE = Cues.Category.DISMISSIVE.ordinal();
    private static final int SARCASM = Cues.Category.SARCASM.ordinal();
    private static final int RHETORICAL = Cues.Category.RHETORICAL.ordinal();
    private static final int ADDRESS = Cues.Category.ADDRESS.ordinal();
    private static final int CIVIL = Cues.Category.CIVIL_FRAMING.ordinal();
    private static final int REPORTING = Cues.Category.REPORTING.ordinal();

    private static final int COMBO_2P_BELITTLING = 1;
    private static final int COMBO_2P_QUESTION = 2;
    private static final int COMBO_RHETORICAL_QUESTION = 3;
    private static final int COMBO_SHORT_DISMISSIVE = 4;
    private static final int COMBO_SARCASTIC_DISMISSAL = 5;
    private static final int COMBO_ADDRESS_AT_END = 6;
    private static final int COMBO_SARCASM_OPENER = 7;
    private static final int COMBO_CIVIL_NO_BELITTLING = 8;
    private static final int COMBO_REPORTING_NO_2P = 9;
    private static final int COMBO_DISMISSIVE_OPENER = 10;
    private static final int COMBO_RHETORICAL_2P_BELITTLING = 11;
    private static final int GLOBAL_OBFUSCATION = 100;
    private static final int GLOBAL_LENGTH = 200;
    private static final int GLOBAL_CAPS = 300;
    private static final int GLOBAL_EXCLAMATIONS = 400;

    private final int mask;
    private final float[] idf;

    /** @param idf inverse document frequency per bucket, or null for all ones */
    public FeatureExtractor(int bits, float[] idf) {
        this.mask = (1 << bits) - 1;
        this.idf = idf;
    }

    public Features extract(NormalizedText text) {
        Features f = new Features(text.length * 4 + 32, text.length / 3 + 8);
        char[] c = text.chars;
        int n = text.length;
        tokenize(c, n, f);
        addWordNgrams(f);
        f.words = f.size;
        addCharNgrams(c, f);
        f.ngrams = f.size;
        normalizeBlock(f, 0, f.words);
        normalizeBlock(f, f.words, f.ngrams);
        addCues(f);
        addGlobal(text, f);
        return f;
    }

    /** Gives features {@code [from, to)} their idf values, then unit length together. */
    private void normalizeBlock(Features f, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            float v = idf == null ? 1f : idf[f.bucket[i]];
            f.value[i] = v;
            sum += v * v;
        }
        float scale = sum == 0 ? 0f : (float) (1.0 / Math.sqrt(sum));
        for (int i = from; i < to; i++) {
            f.value[i] *= scale;
        }
    }

    /** Words (letters, digits, inner apostrophes) and the punctuation tokens '?' and '!'. */
    private static void tokenize(char[] c, int n, Features f) {
        int i = 0;
        while (i < n) {
            char ch = c[i];
            if (Character.isLetterOrDigit(ch)) {
                int s = i;
                while (i < n
                        && (Character.isLetterOrDigit(c[i])
                                || (c[i] == '\'' && i + 1 < n && Character.isLetter(c[i + 1]) && i > s))) {
                    i++;
                }
                f.addToken(s, i, Hashing.chars(c, s, i, Hashing.WORD));
            } else {
                if (ch == '?' || ch == '!') {
                    int s = i;
                    while (i < n && c[i] == ch) {
                        i++;
                    }
                    f.addToken(s, i, Hashing.chars(c, s, Math.min(i, s + 1), Hashing.WORD));
                    continue;
                }
                i++;
            }
        }
    }

    private void addWordNgrams(Features f) {
        int prev = 0;
        for (int t = 0; t < f.tokens; t++) {
            int h = f.tokenHash[t];
            f.add(Hashing.mix(h) & mask, 1f, t, t);
            if (t > 0) {
                f.add(Hashing.mix(Hashing.combine(prev, h) ^ Hashing.BIGRAM) & mask, 1f, t - 1, t);
            }
            prev = h;
        }
    }

    private void addCharNgrams(char[] c, Features f) {
        for (int t = 0; t < f.tokens; t++) {
            int s = f.tokenStart[t];
            int e = Math.min(f.tokenEnd[t], s + MAX_CHARS_PER_WORD);
            if (!Character.isLetterOrDigit(c[s])) {
                continue;
            }
            // padded word: position -1 and e-s are spaces
            int len = e - s + 2;
            for (int start = 0; start + MIN_N <= len; start++) {
                int g = Hashing.CHARS;
                for (int k = 0; k < MAX_N && start + k < len; k++) {
                    int p = start + k;
                    char ch = (p == 0 || p == len - 1) ? ' ' : c[s + p - 1];
                    g = (g ^ ch) * 0x01000193;
                    if (k + 1 >= MIN_N) {
                        f.add(Hashing.mix(g + k) & mask, 1f, t, t);
                    }
                }
            }
        }
    }

    private void addCues(Features f) {
        int[] count = new int[Cues.Category.values().length];
        int[] lastFrom = new int[count.length];
        int[] lastTo = new int[count.length];
        int[] firstFrom = new int[count.length];
        Arrays.fill(firstFrom, Integer.MAX_VALUE);
        Cues.match(f.tokenHash, f.tokens, (category, id, from, to) -> {
            f.add(cueBucket(1000 + category), 1f, from, to);
            f.add(cueBucket(10_000 + id), 1f, from, to);
            count[category]++;
            lastFrom[category] = from;
            lastTo[category] = to;
            firstFrom[category] = Math.min(firstFrom[category], from);
        });
        int questionTok = -1;
        for (int t = 0; t < f.tokens; t++) {
            if (f.tokenEnd[t] - f.tokenStart[t] >= 1 && f.tokenHash[t] == QUESTION_HASH) {
                questionTok = t;
            }
        }
        int words = f.tokens;
        if (count[SECOND_PERSON] > 0 && count[BELITTLING] > 0) {
            combo(f, COMBO_2P_BELITTLING, lastFrom[BELITTLING], lastTo[BELITTLING]);
        }
        if (count[SECOND_PERSON] > 0 && questionTok >= 0) {
            combo(f, COMBO_2P_QUESTION, lastFrom[SECOND_PERSON], lastTo[SECOND_PERSON]);
        }
        if (count[RHETORICAL] > 0 && questionTok >= 0) {
            combo(f, COMBO_RHETORICAL_QUESTION, lastFrom[RHETORICAL], lastTo[RHETORICAL]);
        }
        if (count[RHETORICAL] > 0 && count[BELITTLING] > 0) {
            combo(f, COMBO_RHETORICAL_2P_BELITTLING, lastFrom[RHETORICAL], lastTo[RHETORICAL]);
        }
        if (count[DISMISSIVE] > 0 && words <= 10) {
            combo(f, COMBO_SHORT_DISMISSIVE, lastFrom[DISMISSIVE], lastTo[DISMISSIVE]);
        }
        if (count[DISMISSIVE] > 0 && count[SARCASM] > 0) {
            combo(f, COMBO_SARCASTIC_DISMISSAL, lastFrom[DISMISSIVE], lastTo[DISMISSIVE]);
        }
        if (count[DISMISSIVE] > 0 && firstFrom[DISMISSIVE] <= 1) {
            combo(f, COMBO_DISMISSIVE_OPENER, lastFrom[DISMISSIVE], lastTo[DISMISSIVE]);
        }
        if (count[ADDRESS] > 0 && lastTo[ADDRESS] >= words - 2 && words > 1) {
            combo(f, COMBO_ADDRESS_AT_END, lastFrom[ADDRESS], lastTo[ADDRESS]);
        }
        if (count[SARCASM] > 0 && firstFrom[SARCASM] == 0) {
            combo(f, COMBO_SARCASM_OPENER, 0, 0);
        }
        if (count[CIVIL] > 0 && count[BELITTLING] == 0) {
            combo(f, COMBO_CIVIL_NO_BELITTLING, lastFrom[CIVIL], lastTo[CIVIL]);
        }
        if (count[REPORTING] > 0 && count[SECOND_PERSON] == 0) {
            combo(f, COMBO_REPORTING_NO_2P, lastFrom[REPORTING], lastTo[REPORTING]);
        }
    }

    private static final int QUESTION_HASH = Hashing.string("?", Hashing.WORD);
    private static final int EXCLAMATION_HASH = Hashing.string("!", Hashing.WORD);

    private void combo(Features f, int id, int from, int to) {
        f.add(cueBucket(id), 1f, from, to);
    }

    private void addGlobal(NormalizedText text, Features f) {
        for (int bit = 0; bit < 6; bit++) {
            if ((text.obfuscation & (1 << bit)) != 0) {
                f.add(cueBucket(GLOBAL_OBFUSCATION + bit), 1f, Features.NO_TOKEN, Features.NO_TOKEN);
            }
        }
        int words = f.tokens;
        int lengthBucket = words <= 3 ? 0 : words <= 7 ? 1 : words <= 15 ? 2 : words <= 40 ? 3 : 4;
        f.add(cueBucket(GLOBAL_LENGTH + lengthBucket), 1f, Features.NO_TOKEN, Features.NO_TOKEN);
        if (text.letters >= 6) {
            double caps = (double) text.upperCase / text.letters;
            int capsBucket = caps < 0.2 ? -1 : caps < 0.5 ? 0 : caps < 0.8 ? 1 : 2;
            if (capsBucket >= 0) {
                f.add(cueBucket(GLOBAL_CAPS + capsBucket), 1f, Features.NO_TOKEN, Features.NO_TOKEN);
            }
        }
        int exclamations = 0;
        for (int t = 0; t < f.tokens; t++) {
            if (f.tokenHash[t] == EXCLAMATION_HASH) {
                exclamations += f.tokenEnd[t] - f.tokenStart[t];
            }
        }
        if (exclamations > 0) {
            f.add(cueBucket(GLOBAL_EXCLAMATIONS + Math.min(exclamations, 4)), 1f, Features.NO_TOKEN, Features.NO_TOKEN);
        }
    }

    private int cueBucket(int id) {
        return Hashing.mix(Hashing.combine(Hashing.CUE, id)) & mask;
    }
}
