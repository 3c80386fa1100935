package org.parley.moderation.civility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built phrase cues for what n-grams learn poorly from little data: dismissive brush-offs
 * ("cool story", "nobody asked"), sarcasm markers, belittling words and condescension markers,
 * condescending forms of address, rhetorical questions aimed at the reader ("so you're saying",
 * "did you even"), the second person, the framing of civil disagreement ("i disagree", "the
 * report") and news reporting of violence. Every entry is a general pattern of its kind, never a
 * sentence or a piece of a sentence we are evaluated on ({@code CorpusOverlapTest} checks the
 * tests and evaluation files against this list). Phrases are matched on normalised word tokens,
 * without regular expressions, by the hash of their first word and then word by word; a phrase's
 * id is a hash of its category and text, so editing the list leaves the other phrases' features
 * where they were (the model must still be retrained after any edit).
 */
final class Cues {
    /** What a phrase is a cue for; a feature per category, and its ordinal is part of each phrase id. */
    enum Category {
        /** Brush-offs that end the conversation instead of answering it. */
        DISMISSIVE,
        /** Markers that flip the literal meaning. */
        SARCASM,
        /** Words that put the other person down. */
        BELITTLING,
        /** Condescending ways to address someone. */
        ADDRESS,
        /** Jabs dressed as questions, or putting words in the other's mouth. */
        RHETORICAL,
        /** Addressing the reader as "you". */
        SECOND_PERSON,
        /** Disagreement about the argument, sourced, hedged. */
        CIVIL_FRAMING,
        /** Talk about violence and conflict in the news, not threats. */
        REPORTING
    }

    /** The phrases of each category; the map iterates in category order. */
    private static final Map<Category, List<String>> PHRASES = new EnumMap<>(Map.of(
            Category.DISMISSIVE,
            List.of(
                    "cool story",
                    "story bro",
                    "talk trash",
                    "trash talk",
                    "talking trash",
                    "whatever you say",
                    "nice try",
                    "yeah right",
                    "sure jan",
                    "ok boomer",
                    "okay boomer",
                    "get a life",
                    "cry more",
                    "cope",
                    "seethe",
                    "cope harder",
                    "triggered",
                    "snowflake",
                    "snowflakes",
                    "cry me a river",
                    "who asked",
                    "nobody asked",
                    "nobody cares",
                    "no one cares",
                    "keep dreaming",
                    "dream on",
                    "move on",
                    "try again",
                    "bless your heart",
                    "imagine thinking",
                    "tell me you",
                    "lol",
                    "lmao",
                    "rofl",
                    "haha",
                    "hahaha",
                    "good luck with that",
                    "if you say so",
                    "whatever",
                    "blah blah",
                    "yawn",
                    "rent free",
                    "touch grass",
                    "go away",
                    "stay in your lane",
                    "waste of time",
                    "what a joke",
                    "sheeple",
                    "troll",
                    "shill",
                    "kool aid",
                    "tin foil",
                    "tinfoil",
                    "read a book",
                    "learn to read",
                    "do your research",
                    "educate yourself",
                    "go back to",
                    "grow up",
                    "get over it",
                    "big deal",
                    "so what",
                    "who cares",
                    "spare me",
                    "give me a break",
                    "stop whining",
                    "whining",
                    "crying",
                    "next",
                    "moving on",
                    "nice story",
                    "fairy tale",
                    "fairy tales",
                    "keep telling yourself",
                    "sure buddy",
                    "ok buddy",
                    "okay buddy",
                    "sit down",
                    "run along",
                    "bye",
                    "buh bye",
                    "adios",
                    "carry on",
                    "good one",
                    "back to school",
                    "not even worth",
                    "don't bother",
                    "dont bother",
                    "take a hike",
                    "get lost",
                    "pound sand",
                    "off you go",
                    "go cry",
                    "cry about it",
                    "stay mad",
                    "mad",
                    "cry harder",
                    "ok then",
                    "k",
                    "yeah yeah",
                    "blah",
                    "zzz",
                    "eye roll",
                    "rolls eyes",
                    "facepalm",
                    "smh",
                    "lmfao",
                    "lulz",
                    "lolz",
                    "move along",
                    "nothing to see",
                    "clueless",
                    "brainwashed",
                    "drivel",
                    "nonsense",
                    "newsflash",
                    "news flash",
                    "look it up",
                    "google it",
                    "wake me up when"),
            Category.SARCASM,
            List.of(
                    "yeah",
                    "sure",
                    "oh",
                    "wow",
                    "genius",
                    "brilliant",
                    "bravo",
                    "slow clap",
                    "congrats",
                    "congratulations",
                    "what a surprise",
                    "shocker",
                    "color me shocked",
                    "colour me shocked",
                    "totally",
                    "riveting",
                    "oh really",
                    "oh please",
                    "how original",
                    "how cute",
                    "cute",
                    "adorable",
                    "big brain",
                    "galaxy brain",
                    "einstein",
                    "sherlock",
                    "captain obvious",
                    "thanks captain",
                    "hot take",
                    "mkay"),
            Category.BELITTLING,
            List.of(
                    "stupid",
                    "idiot",
                    "idiots",
                    "idiotic",
                    "dumb",
                    "ignorant",
                    "moron",
                    "morons",
                    "moronic",
                    "naive",
                    "pathetic",
                    "silly",
                    "ridiculous",
                    "delusional",
                    "uneducated",
                    "childish",
                    "clown",
                    "clowns",
                    "joke",
                    "fool",
                    "fools",
                    "foolish",
                    "hypocrite",
                    "liar",
                    "lying",
                    "crazy",
                    "garbage",
                    "trash",
                    "rubbish",
                    "bs",
                    "laughable",
                    "embarrassing",
                    "sad",
                    "loser",
                    "losers",
                    "dense",
                    "dim",
                    "simple minded",
                    "small minded",
                    "illiterate",
                    "incompetent",
                    "useless",
                    "worthless",
                    "obsessed",
                    "unhinged",
                    "deranged",
                    "paranoid",
                    "nut",
                    "nutjob",
                    "lunatic",
                    "hack",
                    "shameless",
                    "gullible",
                    "dimwit",
                    "halfwit",
                    "nitwit",
                    "dope",
                    "no clue",
                    "no idea",
                    "zero clue",
                    "can't read",
                    "cant read",
                    "can't think",
                    "low iq",
                    "iq",
                    "brain",
                    "brains",
                    "braindead",
                    "brain dead",
                    "head in the sand",
                    "out of your depth",
                    "ignorance",
                    "stupidity",
                    "pea brain",
                    "snowflake",
                    "karen",
                    "lemming",
                    "lemmings",
                    "puppet",
                    "bootlicker",
                    "let me explain",
                    "let me guess",
                    "small words",
                    "try to keep up",
                    "poor thing",
                    "oh dear"),
            Category.ADDRESS,
            List.of(
                    "man",
                    "bro",
                    "dude",
                    "buddy",
                    "pal",
                    "sweetie",
                    "honey",
                    "hon",
                    "son",
                    "kid",
                    "kiddo",
                    "champ",
                    "sport",
                    "chief",
                    "mate",
                    "sunshine",
                    "darling",
                    "sweetheart",
                    "little one",
                    "boy",
                    "girl",
                    "princess"),
            Category.RHETORICAL,
            List.of(
                    "so you think",
                    "so you're saying",
                    "so youre saying",
                    "so you are saying",
                    "do you even",
                    "did you even",
                    "have you ever",
                    "have you even",
                    "are you serious",
                    "are you kidding",
                    "are you even",
                    "do you really",
                    "can you even",
                    "how can you",
                    "how dare you",
                    "who are you to",
                    "what makes you",
                    "do you know",
                    "is that all you",
                    "why don't you",
                    "why dont you",
                    "why do you",
                    "in your world",
                    "in your mind",
                    "in your head",
                    "you think",
                    "you really think",
                    "you actually think",
                    "you seriously",
                    "you must be",
                    "you must think",
                    "what's next",
                    "whats next",
                    "what next",
                    "what planet",
                    "which planet",
                    "where do you",
                    "who told you",
                    "did your",
                    "did you forget",
                    "can you read",
                    "can't you",
                    "cant you",
                    "you clearly",
                    "you obviously",
                    "your logic",
                    "by your logic",
                    "by that logic",
                    "you people",
                    "people like you",
                    "your kind",
                    "your ilk",
                    "your type",
                    "you lot",
                    "of course you",
                    "you wouldn't know",
                    "you wouldnt know",
                    "you have no",
                    "you don't know",
                    "you dont know",
                    "you know nothing",
                    "you can't",
                    "you cant",
                    "you never",
                    "you always",
                    "you just",
                    "you're not",
                    "youre not",
                    "you are not"),
            Category.SECOND_PERSON,
            List.of(
                    "you",
                    "your",
                    "you're",
                    "youre",
                    "u",
                    "ur",
                    "yourself",
                    "you've",
                    "youve",
                    "you'd",
                    "you'll",
                    "ya",
                    "yours",
                    "yourselves",
                    "thou"),
            Category.CIVIL_FRAMING,
            List.of(
                    "i disagree",
                    "strongly disagree",
                    "respectfully disagree",
                    "i respectfully",
                    "respectfully",
                    "in my view",
                    "in my opinion",
                    "i think",
                    "i believe",
                    "i'm not sure",
                    "im not sure",
                    "to be fair",
                    "the evidence",
                    "the data",
                    "the study",
                    "the report",
                    "the article",
                    "according to the",
                    "according to a",
                    "the law",
                    "the bill",
                    "the court",
                    "the ruling",
                    "the statistics",
                    "the numbers",
                    "the figures",
                    "fair point",
                    "good point",
                    "that said",
                    "on the other hand",
                    "i'd argue",
                    "id argue",
                    "i would argue",
                    "i'd add",
                    "worth noting",
                    "as far as i know",
                    "afaik",
                    "correct me if",
                    "source",
                    "sources",
                    "citation",
                    "cited",
                    "reference",
                    "for example",
                    "e g",
                    "however",
                    "although",
                    "whereas",
                    "thank you",
                    "thanks for",
                    "agree",
                    "i agree",
                    "well argued",
                    "i see your point",
                    "i understand",
                    "with respect",
                    "i question",
                    "i doubt"),
            Category.REPORTING,
            List.of(
                    "killed",
                    "were killed",
                    "was killed",
                    "casualties",
                    "death toll",
                    "civilians",
                    "troops",
                    "soldiers",
                    "war",
                    "invasion",
                    "attack on",
                    "the attack",
                    "shelling",
                    "airstrike",
                    "airstrikes",
                    "bombing",
                    "massacre",
                    "genocide",
                    "shooting",
                    "gunman",
                    "police said",
                    "officials said",
                    "reported",
                    "according to police",
                    "victims",
                    "wounded",
                    "injured",
                    "died",
                    "conflict",
                    "ceasefire",
                    "refugees",
                    "militants",
                    "insurgents",
                    "army",
                    "regime",
                    "war crimes")));

    private static final Category[] CATEGORIES = Category.values();

    /** First-word hashes, sorted, with the phrases that start with each. */
    private static final int[] FIRST;

    private static final int[][][] BY_FIRST;
    private static final int[][] BY_FIRST_CATEGORY;
    private static final int[][] BY_FIRST_ID;

    static {
        record Phrase(int[] words, int category, int id) {}
        List<Phrase> all = new ArrayList<>();
        if (PHRASES.size() != Category.values().length) {
            throw new IllegalStateException("a cue category has no phrases");
        }
        for (Map.Entry<Category, List<String>> e : PHRASES.entrySet()) {
            int c = e.getKey().ordinal();
            for (String p : e.getValue()) {
                String[] ws = p.split(" ");
                int[] hs = new int[ws.length];
                for (int i = 0; i < ws.length; i++) {
                    hs[i] = Hashing.string(ws[i], Hashing.WORD);
                }
                all.add(new Phrase(hs, c, Hashing.combine(c, Hashing.string(p, Hashing.CUE))));
            }
        }
        int[] firsts =
                all.stream().mapToInt(p -> p.words()[0]).distinct().sorted().toArray();
        FIRST = firsts;
        BY_FIRST = new int[firsts.length][][];
        BY_FIRST_CATEGORY = new int[firsts.length][];
        BY_FIRST_ID = new int[firsts.length][];
        for (int f = 0; f < firsts.length; f++) {
            int first = firsts[f];
            // longest phrases first, so the most specific cue wins at a position
            List<Phrase> ps = all.stream()
                    .filter(p -> p.words()[0] == first)
                    .sorted((a, b) -> b.words().length - a.words().length)
                    .toList();
            BY_FIRST[f] = ps.stream().map(Phrase::words).toArray(int[][]::new);
            BY_FIRST_CATEGORY[f] = ps.stream().mapToInt(Phrase::category).toArray();
            BY_FIRST_ID[f] = ps.stream().mapToInt(Phrase::id).toArray();
        }
    }

    private Cues() {}

    /** Every cue phrase, in normalised form (lower case, words separated by one space). */
    static List<String> phrases() {
        return PHRASES.values().stream().flatMap(List::stream).toList();
    }

    static Category category(int ordinal) {
        return CATEGORIES[ordinal];
    }

    /**
     * Calls {@code sink} for every cue phrase found among the word hashes {@code tokens[0, n)}:
     * all phrases of every length that start at each position.
     */
    static void match(int[] tokens, int n, Sink sink) {
        for (int i = 0; i < n; i++) {
            int f = Arrays.binarySearch(FIRST, tokens[i]);
            if (f < 0) {
                continue;
            }
            int[][] phrases = BY_FIRST[f];
            for (int p = 0; p < phrases.length; p++) {
                int[] words = phrases[p];
                if (i + words.length > n) {
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < words.length && ok; k++) {
                    ok = tokens[i + k] == words[k];
                }
                if (ok) {
                    sink.cue(BY_FIRST_CATEGORY[f][p], BY_FIRST_ID[f][p], i, i + words.length - 1);
                }
            }
        }
    }

    /** Receives matched cues: category ordinal, phrase id, first and last token index. */
    interface Sink {
        void cue(int category, int phraseId, int firstToken, int lastToken);
    }
}
