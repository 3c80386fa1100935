package org.parley.moderation.civility;

/**
 * The hash functions that map features to weight buckets. They are part of the model file's
 * format: changing any constant here invalidates every trained weight file.
 */
final class Hashing {
    static final int WORD = 0x2545F491;
    static final int BIGRAM = 0x6C8E9CF5;
    static final int CHARS = 0x1B873593;
    static final int CUE = 0x7FEB352D;

    private Hashing() {}

    /** Hash of {@code chars[from, to)} under {@code seed}, before finalisation. */
    static int chars(char[] chars, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ chars[i]) * 0x01000193;
        }
        return h;
    }

    /** Hash of a string under {@code seed}, the same as {@link #chars} over its chars. */
    static int string(String s, int seed) {
        int h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    /** Combines two hashes (order matters). */
    static int combine(int a, int b) {
        return (a * 0x9E3779B1) ^ (b + 0x7F4A7C15 + (a << 6) + (a >>> 2));
    }

    /** The murmur3 finaliser: spreads all input bits over all output bits. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
