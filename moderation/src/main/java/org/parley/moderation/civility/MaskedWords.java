package org.parley.moderation.civility;

import java.util.Arrays;
import java.util.List;

/**
 * Restores swear words and insults written with masking characters ({@code f*ck}, {@code sh#t},
 * {@code a**hole}): a masked word is replaced by the first word of the same length in this list
 * whose unmasked letters agree with it. The list is ordered by how often the words are masked in
 * comments, so ambiguous masks ({@code f***}) resolve to the likeliest word.
 */
final class MaskedWords {
    private static final char[][] WORDS = toChars(
            "fuck",
            "fucking",
            "fucked",
            "fucker",
            "fuckers",
            "fuckin",
            "motherfucker",
            "shit",
            "shitty",
            "bullshit",
            "bitch",
            "bitches",
            "asshole",
            "assholes",
            "ass",
            "cunt",
            "cunts",
            "dick",
            "dickhead",
            "damn",
            "idiot",
            "idiots",
            "stupid",
            "bastard",
            "moron",
            "morons",
            "crap",
            "piss",
            "pissed",
            "whore",
            "slut",
            "retard",
            "retarded",
            "nigger",
            "niggers",
            "nigga",
            "faggot",
            "fag",
            "cock",
            "wanker",
            "twat",
            "hell",
            "jerk",
            "loser",
            "dumb",
            "dumbass",
            "prick",
            "douche",
            "douchebag",
            "pussy",
            "scum",
            "kill",
            "rape",
            "hate",
            "die");

    private MaskedWords() {}

    /** The list, in order. */
    static List<String> words() {
        return Arrays.stream(WORDS).map(String::new).toList();
    }

    /**
     * Replaces, in place, the {@link #isMask mask characters} of {@code word} with the
     * letters of the first matching list word.
     *
     * @return whether a list word matched
     */
    static boolean restore(char[] word) {
        for (char[] candidate : WORDS) {
            if (matches(candidate, word)) {
                System.arraycopy(candidate, 0, word, 0, word.length);
                return true;
            }
        }
        return false;
    }

    /** Masks, the one table: the characters that hide a letter ({@code f*ck}, {@code sh#t}). */
    static boolean isMask(char ch) {
        return ch == '*' || ch == '#';
    }

    private static boolean matches(char[] candidate, char[] word) {
        if (candidate.length != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            char w = word[i];
            if (!isMask(w) && w != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    private static char[][] toChars(String... words) {
        char[][] out = new char[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].toCharArray();
        }
        return out;
    }
}
