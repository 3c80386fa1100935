package org.parley.moderation.civility.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) and the flat JSON
 * lines of the data sets. Only for the training, evaluation and benchmark tools; never on the
 * scoring path.
 */
public final class Csv {
    private Csv() {}

    /** Every record of {@code file} after the header, as column name to value. */
    public static List<Map<String, String>> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = next(in);
            if (header == null) {
                return List.of();
            }
            List<Map<String, String>> rows = new ArrayList<>();
            List<String> rec;
            while ((rec = next(in)) != null) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < rec.size() ? rec.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> next(BufferedReader in) throws IOException {
        int ch = in.read();
        if (ch < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (ch >= 0) {
            any = true;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (n >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                break;
            } else if (ch != '\r') {
                field.append((char) ch);
            }
            ch = in.read();
        }
        fields.add(field.toString());
        return any ? fields : null;
    }

    /** The string and number members of one flat JSON object (nested values are skipped). */
    public static Map<String, String> jsonObject(String line) {
        Map<String, String> out = new HashMap<>();
        int[] pos = {line.indexOf('{') + 1};
        while (true) {
            skipSpace(line, pos);
            if (pos[0] >= line.length() || line.charAt(pos[0]) == '}') {
                return out;
            }
            if (line.charAt(pos[0]) == ',') {
                pos[0]++;
                continue;
            }
            String key = jsonString(line, pos);
            skipSpace(line, pos);
            pos[0]++; // ':'
            skipSpace(line, pos);
            char c = line.charAt(pos[0]);
            if (c == '"') {
                out.put(key, jsonString(line, pos));
            } else {
                int s = pos[0];
                int depth = 0;
                while (pos[0] < line.length()) {
                    char d = line.charAt(pos[0]);
                    if (d == '[' || d == '{') {
                        depth++;
                    } else if (d == ']' || d == '}') {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if (d == ',' && depth == 0) {
                        break;
                    }
                    pos[0]++;
                }
                out.put(key, line.substring(s, pos[0]).trim());
            }
        }
    }

    private static void skipSpace(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String jsonString(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
            i++;
        }
        pos[0] = i + 1;
        return sb.toString();
    }
}
