package org.parley.moderation.civility.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.Model;
import org.parley.moderation.civility.TextNormalizer;

/**
 * Reads the labelled data sets (by path, as published; see the data README) into examples with a
 * label and a weight per attribute, and splits each training source into train, calibration and
 * test parts by a fixed hash of the text, so every run sees the same split.
 *
 * <p>How each source's labels map to attributes is decided here, in one place: Jigsaw's six labels
 * map one to one; Civil Comments Toxic Spans use the annotator majority for toxicity and for each
 * span type (its overall toxicity label is left out, see below); Davidson and HateXplain (tweets, Gab) teach
 * identity attacks only, down-weighted; ToxiGen teaches identity attacks; our own examples teach dismissive and attack-on-person and supply hard negatives.
 */
final class CivilityData {
    enum Split {
        TRAIN,
        CALIBRATION,
        TEST
    }

    /** One labelled text; {@code weight[h] == 0} means attribute {@code h} is unlabelled. */
    record Example(String source, String text, float[] label, float[] weight, Split split) {
        boolean has(Attribute a) {
            return weight[a.ordinal()] > 0;
        }

        boolean is(Attribute a) {
            return label[a.ordinal()] >= 0.5f;
        }
    }

    static final String JIGSAW = "jigsaw2018";
    static final String CIVIL_COMMENTS = "civil_comments_spans";
    static final String DAVIDSON = "davidson";
    static final String HATEXPLAIN = "hatexplain";
    static final String TOXIGEN = "toxigen";
    static final String EXTRA = "parley_extra";
    static final String EXTRA_DE = "parley_extra_de";
    static final String THREATGRAM = "threatgram101";
    static final String IMPLICIT_HATE = "implicit_hate";
    static final String SBIC = "sbic";
    static final String CONVABUSE = "convabuse";
    static final String GERMEVAL = "germeval2018";

    private static final int TOX = Attribute.TOXICITY.ordinal();
    private static final int SEV = Attribute.SEVERE_TOXICITY.ordinal();
    private static final int INS = Attribute.INSULT.ordinal();
    private static final int IDA = Attribute.IDENTITY_ATTACK.ordinal();
    private static final int THR = Attribute.THREAT.ordinal();
    private static final int PRO = Attribute.PROFANITY.ordinal();
    private static final int DIS = Attribute.DISMISSIVE.ordinal();
    private static final int ATT = Attribute.ATTACK_ON_PERSON.ordinal();
    private static final int UNC = Attribute.UNCIVIL.ordinal();

    /** Weight of the tweet and Gab sources (Davidson, HateXplain), which teach identity attacks only. */
    static final float DOWN_WEIGHT = 0.3f;
    /** Share of Jigsaw's training split held out to calibrate the heads. */
    static final double JIGSAW_CALIBRATION = 0.05;

    /** Characters of a text kept for training (the start carries the tone; caps very long posts). */
    static final int MAX_TRAIN_CHARS = 2000;

    private CivilityData() {}

    /**
     * Every labelled example of the training sources, all splits. ToxiGen is not among them: its
     * data is for research only, so it is kept for evaluation ({@link #toxigen}).
     */
    static List<Example> trainingSources(Path dir, List<Path> extra) {
        List<Example> all = new ArrayList<>();
        all.addAll(jigsaw(dir));
        all.addAll(civilComments(dir));
        all.addAll(davidson(dir));
        all.addAll(hatexplain(dir));
        all.addAll(threatgram(dir));
        all.addAll(implicitHate(dir));
        all.addAll(sbic(dir));
        all.addAll(convAbuse(dir));
        all.addAll(germEval(dir));
        for (Path file : extra) {
            all.addAll(extra(file));
        }
        return all;
    }

    /** The language of an example: German for GermEval and our German rows, else English. */
    static String language(Example e) {
        return GERMEVAL.equals(e.source()) || EXTRA_DE.equals(e.source()) ? "de" : "en";
    }

    /**
     * ThreatGram101: replies in political Telegram channels. Label 2 (a call for or wish of
     * violence) teaches threat, and toxicity and uncivil at half weight; labels 1 (calls for
     * arrest, impeachment) and 0 are negatives for threat only, since they may still be rude.
     * Duplicate texts keep their first label.
     */
    static List<Example> threatgram(Path dir) {
        List<Example> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> r : Csv.read(dir.resolve("threatgram101_labeled.csv"))) {
            String text = r.get("text");
            if (text == null || text.isBlank() || !seen.add(text)) {
                continue;
            }
            boolean violent = "2".equals(r.get("Label"));
            Labels l = new Labels();
            l.set(THR, violent, 1);
            if (violent) {
                l.set(TOX, true, 0.5f).set(UNC, true, 0.5f);
            }
            out.add(new Example(THREATGRAM, text, l.label, l.weight, hashSplit(text, 0.1, 0.05)));
        }
        return out;
    }

    /**
     * Latent Hatred (implicit hate): implicit and explicit hate teach identity attack, toxicity
     * and uncivil; posts of stage 2's "threatening" class also teach threat; posts that are not
     * hateful (many name a group neutrally) are negatives for identity attack and threat, and weak
     * negatives for toxicity and uncivil. Posts that also appear in SBIC's held-out {@code tst}
     * split are dropped so that split stays unseen.
     */
    static List<Example> implicitHate(Path dir) {
        Set<String> threatening = new HashSet<>();
        for (Map<String, String> r : Csv.read(dir.resolve("implicit_hate_stg2_posts.csv"))) {
            if ("threatening".equals(r.get("implicit_class")) || "threatening".equals(r.get("extra_implicit_class"))) {
                threatening.add(r.get("text"));
            }
        }
        Set<String> sbicTest = new HashSet<>();
        for (Example e : sbic(dir)) {
            if (e.split() == Split.TEST) {
                sbicTest.add(e.text().strip().toLowerCase(Locale.ROOT));
            }
        }
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("implicit_hate_stg1_posts.csv"))) {
            String text = r.get("text");
            if (text == null || text.isBlank() || sbicTest.contains(text.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String cls = r.get("class");
            boolean hate = "implicit_hate".equals(cls) || "explicit_hate".equals(cls);
            Labels l = new Labels();
            l.set(IDA, hate, 1).set(THR, hate && threatening.contains(text), hate ? 0.7f : 1);
            if (hate) {
                l.set(TOX, true, 0.7f).set(UNC, true, 0.7f);
            } else {
                l.set(TOX, false, 0.3f).set(UNC, false, 0.3f);
            }
            out.add(new Example(IMPLICIT_HATE, text, l.label, l.weight, hashSplit(text, 0.1, 0.05)));
        }
        return out;
    }

    /**
     * Social Bias Frames: offensive by annotator mean (at least 0.5) teaches toxicity and uncivil;
     * a post that implies a stereotype about a group ({@code hasBiasedImplication} 0, inverted by
     * the aggregation) teaches identity attack, every other post is a negative for it. {@code dev}
     * trains (5% kept for calibration), {@code tst} is held out.
     */
    static List<Example> sbic(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("sbic_v2_agg_dev_tst.csv"))) {
            String text = r.get("text");
            if (text == null || text.isBlank()) {
                continue;
            }
            boolean offensive = number(r.get("offensiveYN")) >= 0.5;
            boolean stereotype = "0".equals(r.get("hasBiasedImplication"));
            Labels l = new Labels();
            l.set(TOX, offensive, 0.7f).set(UNC, offensive, 0.7f).set(IDA, stereotype, 1);
            Split split = "tst".equals(r.get("source_split"))
                    ? Split.TEST
                    : (bucket(text) < 0.05 ? Split.CALIBRATION : Split.TRAIN);
            out.add(new Example(SBIC, text, l.label, l.weight, split));
        }
        return out;
    }

    /**
     * ConvAbuse: users' messages to chatbots. Abusive by majority teaches uncivil and toxicity;
     * abuse that at least one annotator called an insult to intelligence teaches insult and
     * attack on the person (belittling); the rest are negatives. Half weight: chat, not comments.
     * The published train, valid and test splits are kept.
     */
    static List<Example> convAbuse(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("convabuse.csv"))) {
            String text = r.get("text");
            if (text == null || text.isBlank()) {
                continue;
            }
            boolean abusive = one(r.get("abusive_majority"));
            boolean belittling = abusive && number(r.get("votes_intellectual")) >= 1;
            Labels l = new Labels();
            l.set(UNC, abusive, 0.5f)
                    .set(TOX, abusive, 0.5f)
                    .set(INS, belittling, 0.5f)
                    .set(ATT, belittling, 0.5f);
            String s = r.get("source_split");
            Split split = "test".equals(s) ? Split.TEST : "valid".equals(s) ? Split.CALIBRATION : Split.TRAIN;
            out.add(new Example(CONVABUSE, text, l.label, l.weight, split));
        }
        return out;
    }

    /**
     * GermEval 2018 (German tweets): OFFENSE teaches toxicity and uncivil, its fine labels INSULT
     * and PROFANITY teach insult and profanity; OTHER is a negative for all four. The published
     * {@code test} split is held out; 10% of {@code training} calibrates.
     */
    static List<Example> germEval(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("de_germeval2018_offense.csv"))) {
            String text = r.get("text");
            if (text == null || text.isBlank()) {
                continue;
            }
            boolean offense = "OFFENSE".equals(r.get("coarse_label"));
            String fine = r.get("fine_label");
            Labels l = new Labels();
            l.set(TOX, offense, 1)
                    .set(UNC, offense, 1)
                    .set(INS, "INSULT".equals(fine), 1)
                    .set(PRO, "PROFANITY".equals(fine), 1);
            Split split = "test".equals(r.get("source_split"))
                    ? Split.TEST
                    : (bucket(text) < 0.1 ? Split.CALIBRATION : Split.TRAIN);
            out.add(new Example(GERMEVAL, text, l.label, l.weight, split));
        }
        return out;
    }

    private static double number(String v) {
        try {
            return v == null || v.isEmpty() ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<Example> jigsaw(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("jigsaw2018_subset.csv"))) {
            String text = r.get("comment_text");
            Labels l = new Labels();
            boolean toxic = one(r.get("toxic"));
            l.set(TOX, toxic, 1)
                    .set(SEV, one(r.get("severe_toxic")), 1)
                    .set(INS, one(r.get("insult")), 1)
                    .set(IDA, one(r.get("identity_hate")), 1)
                    .set(THR, one(r.get("threat")), 1)
                    .set(PRO, one(r.get("obscene")), 1)
                    .set(UNC, toxic, 1);
            if (!toxic) {
                // ordinary talk-page discussion: neither dismissive nor attacking, weakly
                l.set(DIS, false, 0.3f).set(ATT, false, 0.3f);
            } else if (one(r.get("insult")) && secondPerson(text)) {
                // an insult addressed to "you" attacks the commenter
                l.set(ATT, true, 0.5f);
            }
            Split split = "test".equals(r.get("split_hint"))
                    ? Split.TEST
                    : (bucket(text) < JIGSAW_CALIBRATION ? Split.CALIBRATION : Split.TRAIN);
            out.add(new Example(JIGSAW, text, l.label, l.weight, split));
        }
        return out;
    }

    /** Civil Comments Toxic Spans: annotator majority per post; gold spans kept for evaluation. */
    static List<Example> civilComments(Path dir) {
        Map<String, String> texts = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_comments.csv"))) {
            texts.put(r.get("comment_id"), r.get("comment_text"));
        }
        Map<String, String> annotationToComment = new HashMap<>();
        Map<String, int[]> votes = new HashMap<>(); // annotators, toxic votes, then per span type
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_annotations.csv"))) {
            String id = r.get("comment_id");
            annotationToComment.put(r.get("annotation"), id);
            int[] v = votes.computeIfAbsent(id, k -> new int[6]);
            v[0]++;
            if (!"True".equals(r.get("not toxic"))) {
                v[1]++;
            }
        }
        Map<String, Set<String>> typesByAnnotation = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_spans.csv"))) {
            typesByAnnotation
                    .computeIfAbsent(r.get("annotation"), k -> new HashSet<>())
                    .add(r.get("type"));
        }
        typesByAnnotation.forEach((annotation, types) -> {
            int[] v = votes.get(annotationToComment.get(annotation));
            if (v == null) {
                return;
            }
            if (types.contains("Insult")) {
                v[2]++;
            }
            if (types.contains("Identity based Attack")) {
                v[3]++;
            }
            if (types.contains("Threat")) {
                v[4]++;
            }
            if (types.contains("Profane/Obscene")) {
                v[5]++;
            }
        });
        List<Example> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(votes.keySet());
        ids.sort(null);
        for (String id : ids) {
            String text = texts.get(id);
            int[] v = votes.get(id);
            if (text == null || v[0] == 0) {
                continue;
            }
            double half = v[0] / 2.0;
            Labels l = new Labels();
            // every post here comes from the toxic end, so its overall toxicity label mostly
            // separates shades of rude: measured, it lowered toxicity ROC-AUC on Jigsaw and
            // Wikipedia by 0.005, so only the span types (insult, identity, threat, profanity) teach
            l.set(INS, v[2] > half, 1)
                    .set(IDA, v[3] > half, 1)
                    .set(THR, v[4] > half, 1)
                    .set(PRO, v[5] > half, 1);
            out.add(new Example(CIVIL_COMMENTS, text, l.label, l.weight, hashSplit(text, 0.1, 0.1)));
        }
        return out;
    }

    /** Gold toxic character offsets per Civil Comments post: chars marked by at least half its annotators. */
    static Map<String, boolean[]> civilCommentsGoldSpans(Path dir) {
        Map<String, String> texts = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_comments.csv"))) {
            texts.put(r.get("comment_id"), r.get("comment_text"));
        }
        Map<String, String> annotationToComment = new HashMap<>();
        Map<String, Integer> annotators = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_annotations.csv"))) {
            annotationToComment.put(r.get("annotation"), r.get("comment_id"));
            annotators.merge(r.get("comment_id"), 1, Integer::sum);
        }
        Map<String, int[]> charVotes = new HashMap<>();
        Map<String, Set<Integer>> seen = new HashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("civil_comments_toxic_spans_spans.csv"))) {
            String annotation = r.get("annotation");
            String id = annotationToComment.get(annotation);
            String text = id == null ? null : texts.get(id);
            if (text == null || r.get("start").isEmpty() || r.get("end").isEmpty()) {
                continue;
            }
            int[] v = charVotes.computeIfAbsent(text, k -> new int[text.length()]);
            Set<Integer> mine = seen.computeIfAbsent(annotation, k -> new HashSet<>());
            int s = Math.max(0, Integer.parseInt(r.get("start")));
            int e = Math.min(text.length(), Integer.parseInt(r.get("end")));
            for (int i = s; i < e; i++) {
                if (mine.add(i)) {
                    v[i]++;
                }
            }
        }
        Map<String, boolean[]> gold = new HashMap<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String text = t.getValue();
            int n = annotators.getOrDefault(t.getKey(), 0);
            int[] v = charVotes.get(text);
            boolean[] g = new boolean[text.length()];
            for (int i = 0; v != null && i < g.length; i++) {
                g[i] = v[i] * 2 >= n && n > 0;
            }
            gold.put(text, g);
        }
        return gold;
    }

    static List<Example> davidson(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("davidson_tweets.csv"))) {
            String text = r.get("tweet");
            String cls = r.get("class");
            Labels l = new Labels();
            boolean hate = "0".equals(cls);
            boolean offensive = "1".equals(cls);
            // tweets with casual slurs: their "offensive" class disagrees with the toxicity of
            // news and talk-page comments, so they teach identity attacks only
            l.set(IDA, hate, DOWN_WEIGHT);
            out.add(new Example(DAVIDSON, text, l.label, l.weight, hashSplit(text, 0.1, 0.05)));
        }
        return out;
    }

    static List<Example> hatexplain(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("hatexplain_preprocessed.csv"))) {
            String text = r.get("text");
            boolean toxic = !"0".equals(r.get("label"));
            boolean targeted = one(r.get("label_gender"))
                    || one(r.get("label_religion"))
                    || one(r.get("label_race"))
                    || one(r.get("label_economic"))
                    || one(r.get("label_minority"));
            Labels l = new Labels();
            l.set(IDA, toxic && targeted, DOWN_WEIGHT);
            out.add(new Example(HATEXPLAIN, text, l.label, l.weight, hashSplit(text, 0.1, 0.05)));
        }
        return out;
    }

    static List<Example> toxigen(Path dir) {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("toxigen_seed_statements.csv"))) {
            String text = r.get("text");
            boolean hateful = one(r.get("hateful"));
            Labels l = new Labels();
            l.set(TOX, hateful, 1).set(IDA, hateful, 1).set(UNC, hateful, 1);
            if (!hateful) {
                l.set(INS, false, 0.5f).set(THR, false, 0.5f);
            }
            // research-only data: every row is evaluation, none trains shipped weights
            out.add(new Example(TOXIGEN, text, l.label, l.weight, Split.TEST));
        }
        return out;
    }

    /**
     * Our own labelled news comments: tab-separated, {@code #} comment lines, one header line that
     * names the columns, text last. Columns named after an attribute key ({@code dismissive},
     * {@code attack_on_person}, {@code threat}, {@code identity_attack}, {@code uncivil}, ...) are
     * 0/1 labels; {@code lang} (en, de) and {@code kind} are optional. Civil rows ({@code uncivil}
     * 0) are negatives for every attribute; a threat or identity attack is also toxic.
     */
    static List<Example> extra(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Example> out = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = List.of(line.strip().split("\t"));
                if (!header.get(header.size() - 1).equals("text") || !header.contains("uncivil")) {
                    throw new IllegalArgumentException(
                            "header of " + file + " must name uncivil and end with text: " + line);
                }
                continue;
            }
            String[] f = line.split("\t", header.size());
            if (f.length != header.size()) {
                throw new IllegalArgumentException("bad line in " + file + ": " + line);
            }
            String text = f[f.length - 1].strip();
            float w = 3f;
            Labels l = new Labels();
            String lang = "en";
            boolean uncivil = false;
            boolean hostileToGroupOrLife = false;
            for (int c = 0; c < header.size() - 1; c++) {
                String col = header.get(c);
                if (col.equals("lang")) {
                    lang = f[c].strip();
                } else if (!col.equals("kind")) {
                    Attribute a = Attribute.ofKey(col);
                    boolean v = one(f[c].strip());
                    l.set(a.ordinal(), v, w);
                    uncivil |= a == Attribute.UNCIVIL && v;
                    hostileToGroupOrLife |= v && (a == Attribute.THREAT || a == Attribute.IDENTITY_ATTACK);
                }
            }
            if (!uncivil) {
                for (int h : new int[] {TOX, SEV, INS, IDA, THR, PRO}) {
                    if (l.weight[h] == 0) {
                        l.set(h, false, 1.5f);
                    }
                }
            } else {
                l.set(SEV, false, 0.5f);
                for (int h : new int[] {THR, IDA}) {
                    if (l.weight[h] == 0) {
                        l.set(h, false, 0.5f);
                    }
                }
                if (hostileToGroupOrLife) {
                    l.set(TOX, true, 1.5f);
                }
            }
            String source = "de".equals(lang) ? EXTRA_DE : EXTRA;
            out.add(new Example(source, text, l.label, l.weight, hashSplit(text, 0.2, 0.12)));
        }
        return out;
    }

    static boolean secondPerson(String text) {
        String n = TextNormalizer.normalize(text);
        for (String w : n.split("[^a-z']+")) {
            if (w.equals("you")
                    || w.equals("your")
                    || w.equals("you're")
                    || w.equals("youre")
                    || w.equals("u")
                    || w.equals("ur")
                    || w.equals("yourself")) {
                return true;
            }
        }
        return false;
    }

    private static boolean one(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equals("1.0"));
    }

    /** A fixed pseudo-random number in [0, 1) from the text: the same text always lands in the same split. */
    static double bucket(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static Split hashSplit(String text, double test, double calibration) {
        double b = bucket(text);
        return b < test ? Split.TEST : b < test + calibration ? Split.CALIBRATION : Split.TRAIN;
    }

    /** Builds a label and weight per attribute; unset attributes stay unlabelled. */
    private static final class Labels {
        final float[] label = new float[Model.HEADS];
        final float[] weight = new float[Model.HEADS];

        Labels set(int head, boolean value, float w) {
            label[head] = value ? 1 : 0;
            weight[head] = w;
            return this;
        }
    }

    static String describe(List<Example> examples) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Example e : examples) {
            int[] c = counts.computeIfAbsent(e.source() + "/" + e.split(), k -> new int[1]);
            c[0]++;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(k).append('=').append(v[0]).append(' '));
        return sb.toString().trim();
    }
}
