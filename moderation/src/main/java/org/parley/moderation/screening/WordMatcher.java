package org.parley.moderation.screening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.moderation.civility.TextNormalizer;

/**
 * Finds a site's banned, suspect and allowed terms in normalised text with one Aho-Corasick
 * automaton: a single left-to-right pass whatever the number of terms, no backtracking, so no input
 * can make it slow. Terms are normalised the same way as the text ({@link TextNormalizer}), so a
 * list entry matches its leetspeak, masked, spaced and look-alike spellings. A term matches only as
 * whole words; a trailing {@code *} in a list entry ({@code idiot*}) lets it match as a word prefix.
 * A banned or suspect match that lies inside an allowed match is ignored. Immutable and
 * thread-safe.
 */
final class WordMatcher {

    /** What a site says about a term. */
    enum Kind {
        BANNED,
        SUSPECT,
        ALLOWED
    }

    /** One term found in a text, as the site's list spells it. */
    record Hit(String term, Kind kind) {}

    private record Term(String entry, String normalized, Kind kind, boolean prefix) {}

    private static final int[] NO_OUTPUT = new int[0];

    private final Term[] terms;
    private final char[][] keys;
    private final int[][] children;
    private final int[] failure;
    private final int[][] outputs;

    private WordMatcher(List<Term> terms) {
        this.terms = terms.toArray(Term[]::new);
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        trie.add(new HashMap<>());
        own.add(new ArrayList<>());
        for (int t = 0; t < this.terms.length; t++) {
            int node = 0;
            for (char c : this.terms[t].normalized().toCharArray()) {
                Integer next = trie.get(node).get(c);
                if (next == null) {
                    next = trie.size();
                    trie.get(node).put(c, next);
                    trie.add(new HashMap<>());
                    own.add(new ArrayList<>());
                }
                node = next;
            }
            own.get(node).add(t);
        }
        int n = trie.size();
        keys = new char[n][];
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            char[] k = new char[trie.get(i).size()];
            int j = 0;
            for (char c : trie.get(i).keySet()) {
                k[j++] = c;
            }
            Arrays.sort(k);
            int[] ch = new int[k.length];
            for (j = 0; j < k.length; j++) {
                ch[j] = trie.get(i).get(k[j]);
            }
            keys[i] = k;
            children[i] = ch;
        }
        failure = new int[n];
        outputs = new int[n][];
        outputs[0] = toArray(own.get(0));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children[0]) {
            failure[child] = 0;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            List<Integer> out = new ArrayList<>(own.get(node));
            for (int o : outputs[failure[node]]) {
                out.add(o);
            }
            outputs[node] = toArray(out);
            for (int j = 0; j < keys[node].length; j++) {
                int child = children[node][j];
                int f = failure[node];
                while (f != 0 && step(f, keys[node][j]) < 0) {
                    f = failure[f];
                }
                int target = step(f, keys[node][j]);
                failure[child] = target >= 0 && target != child ? target : 0;
                queue.add(child);
            }
        }
    }

    /** A matcher for the given lists; entries that normalise to nothing are ignored. */
    static WordMatcher of(Collection<String> banned, Collection<String> suspect, Collection<String> allowed) {
        List<Term> terms = new ArrayList<>();
        add(terms, banned, Kind.BANNED);
        add(terms, suspect, Kind.SUSPECT);
        add(terms, allowed, Kind.ALLOWED);
        return new WordMatcher(terms);
    }

    private static void add(List<Term> terms, Collection<String> entries, Kind kind) {
        for (String entry : entries) {
            String trimmed = entry.strip();
            boolean prefix = trimmed.endsWith("*");
            String word = prefix ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            String normalized = TextNormalizer.normalize(word).strip();
            if (!normalized.isEmpty()) {
                terms.add(new Term(trimmed, normalized, kind, prefix));
            }
        }
    }

    /** Whether there are no terms at all. */
    boolean isEmpty() {
        return terms.length == 0;
    }

    /** The banned and suspect terms in {@code text}, each once, in order of first appearance. */
    List<Hit> find(String text) {
        if (terms.length == 0) {
            return List.of();
        }
        String normalized = TextNormalizer.normalize(text);
        List<int[]> matches = new ArrayList<>();
        int state = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int next;
            while ((next = step(state, c)) < 0 && state != 0) {
                state = failure[state];
            }
            state = Math.max(next, 0);
            for (int t : outputs[state]) {
                int start = i - terms[t].normalized().length() + 1;
                if (wholeWord(normalized, start, i + 1, terms[t])) {
                    matches.add(new int[] {t, start, i + 1});
                }
            }
        }
        List<int[]> allowed =
                matches.stream().filter(m -> terms[m[0]].kind() == Kind.ALLOWED).toList();
        Set<Hit> hits = new LinkedHashSet<>();
        for (int[] m : matches) {
            Term term = terms[m[0]];
            if (term.kind() != Kind.ALLOWED && !inside(allowed, m)) {
                hits.add(new Hit(term.entry(), term.kind()));
            }
        }
        return List.copyOf(hits);
    }

    private static boolean inside(List<int[]> allowed, int[] m) {
        for (int[] a : allowed) {
            if (a[1] <= m[1] && m[2] <= a[2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean wholeWord(String text, int start, int end, Term term) {
        boolean startOk = start == 0 || !isWordChar(text.charAt(start - 1)) || !isWordChar(text.charAt(start));
        boolean endOk = term.prefix()
                || end == text.length()
                || !isWordChar(text.charAt(end))
                || !isWordChar(text.charAt(end - 1));
        return startOk && endOk;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private int step(int node, char c) {
        int i = Arrays.binarySearch(keys[node], c);
        return i >= 0 ? children[node][i] : -1;
    }

    private static int[] toArray(List<Integer> list) {
        return list.isEmpty()
                ? NO_OUTPUT
                : list.stream().mapToInt(Integer::intValue).toArray();
    }
}
