package concurrencylab.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as JShell hands it over (HTML with {@code {@code ...}} and {@code @param} tags) made
 * into plain text for the pager: inline tags become their text, paragraphs are wrapped, {@code <pre>}
 * blocks are kept and indented, lists get dashes, and the block tags become sections
 * ("Parameters:", "Returns:", "Throws:").
 */
final class JavadocText {

    private static final int WIDTH = 80;
    private static final String PARAGRAPH = "\u0000P";
    private static final String NEWLINE = "\u0000N";
    private static final String ITEM = "\u0000L";
    private static final Pattern PRE = Pattern.compile("(?is)<pre[^>]*>(.*?)</pre\\s*>");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)");
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("param", "Parameters:");
        SECTIONS.put("return", "Returns:");
        SECTIONS.put("throws", "Throws:");
        SECTIONS.put("exception", "Throws:");
        SECTIONS.put("apiNote", "API note:");
        SECTIONS.put("implSpec", "Implementation requirements:");
        SECTIONS.put("implNote", "Implementation note:");
        SECTIONS.put("deprecated", "Deprecated:");
        SECTIONS.put("see", "See also:");
        SECTIONS.put("since", "Since:");
    }

    private JavadocText() {
    }

    static String render(String javadoc) {
        String comment = javadoc.replace("\r\n", "\n");
        int tags = firstBlockTag(comment);
        StringBuilder text = new StringBuilder(body(comment.substring(0, tags)));
        Map<String, List<String>> sections = new LinkedHashMap<>();
        Matcher tag = BLOCK_TAG.matcher(comment);
        List<int[]> starts = new ArrayList<>();
        int from = tags;
        while (from < comment.length() && tag.find(from)) {
            starts.add(new int[] {tag.start(), tag.end()});
            from = tag.end();
        }
        for (int i = 0; i < starts.size(); i++) {
            String name = comment.substring(starts.get(i)[0], starts.get(i)[1]).strip().substring(1);
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : comment.length();
            String content = comment.substring(starts.get(i)[1], end).strip();
            if (name.equals("param") || name.equals("throws") || name.equals("exception")) {
                String[] parts = content.split("\\s+", 2);
                // a type parameter's name, <T>, is not HTML
                String subject = parts[0].replace("<", "&lt;").replace(">", "&gt;");
                content = subject + (parts.length > 1 ? " - " + parts[1] : "");
            }
            String section = SECTIONS.getOrDefault(name, "@" + name + ":");
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(content);
        }
        for (Map.Entry<String, List<String>> section : sections.entrySet()) {
            text.append("\n\n").append(section.getKey());
            for (String content : section.getValue()) {
                text.append('\n').append(indent(body(content), "  "));
            }
        }
        return text.toString().strip();
    }

    /** Where the block tags start: the first line beginning with {@code @} outside {@code <pre>} and braces. */
    private static int firstBlockTag(String comment) {
        Matcher tag = BLOCK_TAG.matcher(comment);
        while (tag.find()) {
            String before = comment.substring(0, tag.start());
            boolean inPre = before.toLowerCase().lastIndexOf("<pre") > before.toLowerCase().lastIndexOf("</pre");
            if (!inPre && count(before, '{') == count(before, '}')) {
                return tag.start();
            }
        }
        return comment.length();
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** Description text: inline tags, {@code <pre>} blocks kept, the rest as wrapped paragraphs. */
    private static String body(String html) {
        // "<pre> {@code" on one line: the blank between them is not part of the code's first line.
        String inline = inlineTags(html.replaceAll("(?i)(<pre[^>]*>)[ \\t]+\\{@", "$1{@"));
        StringBuilder text = new StringBuilder();
        Matcher pre = PRE.matcher(inline);
        int last = 0;
        while (pre.find()) {
            text.append(prose(inline.substring(last, pre.start())));
            String block = preformatted(pre.group(1)).replaceAll("<[^>]*>", "");
            text.append("\n\n").append(indent(entities(block), "    ")).append("\n\n");
            last = pre.end();
        }
        text.append(prose(inline.substring(last)));
        return text.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String preformatted(String block) {
        List<String> lines = new ArrayList<>(List.of(block.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int common = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(common).stripTrailing()).toList());
    }

    /** HTML prose to paragraphs of at most {@link #WIDTH} columns. */
    private static String prose(String html) {
        String marked = html
                .replaceAll("(?i)<\\s*(p|/p|h\\d|/h\\d|dl|/dl|table|/table|blockquote|/blockquote)\\b[^>]*>", PARAGRAPH)
                .replaceAll("(?i)<\\s*(br|tr|dt|dd)\\b[^>]*>", NEWLINE)
                .replaceAll("(?i)<\\s*li\\b[^>]*>", ITEM)
                .replaceAll("(?i)<\\s*(ul|/ul|ol|/ol)\\b[^>]*>", NEWLINE)
                .replaceAll("(?i)<\\s*(td|th)\\b[^>]*>", " ")
                .replaceAll("<[^>]*>", "");
        marked = entities(marked).replaceAll("\\s+", " ");
        StringBuilder text = new StringBuilder();
        for (String paragraph : marked.split(PARAGRAPH)) {
            StringBuilder block = new StringBuilder();
            for (String line : paragraph.split(NEWLINE)) {
                String[] items = line.split(ITEM, -1);
                appendWrapped(block, items[0].strip(), "");
                for (int i = 1; i < items.length; i++) {
                    appendWrapped(block, items[i].strip(), "  - ");
                }
            }
            if (!block.isEmpty()) {
                text.append(block).append("\n\n");
            }
        }
        return text.toString();
    }

    private static void appendWrapped(StringBuilder out, String text, String bullet) {
        if (text.isEmpty()) {
            return;
        }
        String hanging = " ".repeat(bullet.length());
        StringBuilder line = new StringBuilder(bullet);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(hanging);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }

    private static String indent(String text, String prefix) {
        return String.join("\n", text.lines().map(line -> line.isEmpty() ? "" : prefix + line).toList());
    }

    /** {@code {@code x}}, {@code {@link A#b label}} and the other inline tags as the text they stand for. */
    static String inlineTags(String html) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < html.length()) {
            int open = html.indexOf("{@", i);
            if (open < 0) {
                out.append(html, i, html.length());
                break;
            }
            out.append(html, i, open);
            int depth = 0;
            int close = -1;
            for (int j = open; j < html.length(); j++) {
                char c = html.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                out.append(html, open, html.length());
                break;
            }
            out.append(inlineTag(html.substring(open + 2, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private static String inlineTag(String tag) {
        String name = tag.split("\\s", 2)[0];
        // What follows the name: its first blank, or its first line break, separates; the rest is kept as written.
        String content = tag.substring(name.length()).replaceFirst("^[ \\t]*\\n|^[ \\t]", "");
        return switch (name) {
            case "code", "literal" -> content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            case "link", "linkplain" -> {
                String[] reference = content.strip().split("\\s+", 2);
                yield reference.length > 1 ? reference[1] : reference(reference[0]);
            }
            case "value" -> reference(content.strip());
            case "inheritDoc", "docRoot" -> "";
            case "return" -> "Returns " + content.strip() + ".";
            case "index" -> content.strip().startsWith("\"")
                    ? content.strip().replaceFirst("^\"([^\"]*)\".*", "$1") : content.strip().split("\\s+", 2)[0];
            case "summary", "systemProperty" -> content.strip();
            case "snippet" -> "<pre>" + content.replaceFirst("^[^:\\n]*:\\s*\\n?", "") + "</pre>";
            default -> content;
        };
    }

    private static String reference(String reference) {
        String shown = reference.startsWith("#") ? reference.substring(1) : reference.replace('#', '.');
        return shown.replaceAll("\\(\\)$", "()");
    }

    private static String entities(String text) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&ndash;", "–").replace("&mdash;", "—").replace("&hellip;", "…")
                .replace("&amp;", "&");
    }
}
