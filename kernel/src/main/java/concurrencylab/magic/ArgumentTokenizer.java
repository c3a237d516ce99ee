package concurrencylab.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument text into words as a shell would: spaces separate, quotes group. */
final class ArgumentTokenizer {

    private ArgumentTokenizer() {
    }

    static List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote + " in the magic's arguments: close it");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
