package org.parley.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalogue: {@code messages.properties} holds every server message a reader may see
 * in English, as the code writes it, with {@code {0}}, {@code {1}} where the code puts a value (a
 * number, a field's limit, a phrase); {@code messages_<lang>.properties} holds the same keys in
 * another language. {@link #translate} recognises an English message by its pattern and writes it
 * in the other language with the same values, each itself translated when it is a catalogue
 * message (the nudge's phrases, a field message inside a parameter's detail). A value is always
 * shorter than the message it is in, so this ends. Immutable and thread-safe; {@link #standard()} is loaded once.
 */
public final class Translations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final Translations STANDARD = load();

    private record Entry(String key, Pattern english, List<Integer> order) {}

    private final Map<String, String> english;
    private final Map<Language, Map<String, String>> texts;
    private final List<Entry> entries;

    Translations(Map<String, String> english, Map<Language, Map<String, String>> texts) {
        this.english = Map.copyOf(english);
        this.texts = new EnumMap<>(texts);
        List<Entry> list = new ArrayList<>();
        english.forEach((key, text) -> list.add(compile(key, text)));
        // Most specific first: the most literal text (so "{0}: {1}" comes last), then by key (deterministic).
        list.sort(Comparator.<Entry>comparingInt(e -> -literalLength(english.get(e.key())))
                .thenComparing(Entry::key));
        this.entries = List.copyOf(list);
    }

    /** The catalogue shipped in the web module. */
    public static Translations standard() {
        return STANDARD;
    }

    /** Every key of the English catalogue. */
    public Set<String> keys() {
        return new TreeSet<>(english.keySet());
    }

    /** The text of {@code key} in {@code language} (English when it has none), with {@code {n}} filled in. */
    public String text(String key, Language language, Object... args) {
        String pattern = language == Language.EN
                ? english.get(key)
                : texts.getOrDefault(language, Map.of()).getOrDefault(key, english.get(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return fill(pattern, args);
    }

    /** {@code key}'s text in {@code language} as stored, if there is one (for completeness checks). */
    public String raw(String key, Language language) {
        return language == Language.EN
                ? english.get(key)
                : texts.getOrDefault(language, Map.of()).get(key);
    }

    /** {@code message} (English, as the code writes it) in {@code language}; unchanged if it is not in the catalogue. */
    public String translate(String message, Language language) {
        if (message == null || language == Language.EN) {
            return message;
        }
        Map<String, String> target = texts.getOrDefault(language, Map.of());
        for (Entry e : entries) {
            Matcher m = e.english().matcher(message);
            if (m.matches() && target.containsKey(e.key())) {
                Object[] args = new Object
                        [e.order().isEmpty()
                                ? 0
                                : e.order().stream().max(Integer::compare).get() + 1];
                for (int g = 0; g < e.order().size(); g++) {
                    args[e.order().get(g)] = translate(m.group(g + 1), language);
                }
                return fill(target.get(e.key()), args);
            }
        }
        return message;
    }

    private static Entry compile(String key, String text) {
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            regex.append("(.+?)");
            order.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        return new Entry(key, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(order));
    }

    private static int literalLength(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").length();
    }

    private static String fill(String pattern, Object[] args) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(i < args.length && args[i] != null ? String.valueOf(args[i]) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Translations load() {
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            if (l != Language.EN) {
                texts.put(l, read("messages_" + l.tag() + ".properties"));
            }
        }
        return new Translations(read("messages.properties"), texts);
    }

    private static Map<String, String> read(String name) {
        try (InputStream in = Translations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message catalogue " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
