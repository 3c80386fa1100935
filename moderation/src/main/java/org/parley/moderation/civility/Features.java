package org.parley.moderation.civility;

import java.util.Arrays;

/**
 * The sparse feature vector of one normalised comment: weight buckets with values, each feature
 * tagged with the word tokens it came from (so its weight can be credited back to a stretch of
 * text), and the tokens' positions in the normalised text. Built by {@link FeatureExtractor};
 * not shared between threads.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class Features {
    /** A feature that belongs to no token (length, obfuscation as a whole). */
    static final int NO_TOKEN = -1;

    public int size;
    /** Features {@code [0, words)} are word n-grams, {@code [words, ngrams)} character n-grams, the rest cues. */
    public int words;

    public int ngrams;
    public int[] bucket;
    float[] value;
    int[] ownerFrom;
    int[] ownerTo;

    int tokens;
    int[] tokenStart;
    int[] tokenEnd;
    int[] tokenHash;

    Features(int capacity, int tokenCapacity) {
        bucket = new int[capacity];
        value = new float[capacity];
        ownerFrom = new int[capacity];
        ownerTo = new int[capacity];
        tokenStart = new int[tokenCapacity];
        tokenEnd = new int[tokenCapacity];
        tokenHash = new int[tokenCapacity];
    }

    void add(int b, float v, int from, int to) {
        if (size == bucket.length) {
            int cap = size * 2;
            bucket = Arrays.copyOf(bucket, cap);
            value = Arrays.copyOf(value, cap);
            ownerFrom = Arrays.copyOf(ownerFrom, cap);
            ownerTo = Arrays.copyOf(ownerTo, cap);
        }
        bucket[size] = b;
        value[size] = v;
        ownerFrom[size] = from;
        ownerTo[size] = to;
        size++;
    }

    void addToken(int start, int end, int hash) {
        if (tokens == tokenStart.length) {
            int cap = tokens * 2 + 4;
            tokenStart = Arrays.copyOf(tokenStart, cap);
            tokenEnd = Arrays.copyOf(tokenEnd, cap);
            tokenHash = Arrays.copyOf(tokenHash, cap);
        }
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenHash[tokens] = hash;
        tokens++;
    }
}
