package concurrencylab.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Javadoc as the pager shows it: readable text, no tags. */
class JavadocTextTest {

    @Test
    void inlineTagsBecomeTheirTextAndBlockTagsSections() {
        String raw = "Returns the greater of two {@code int} values. That is, the\n result is the argument closer to the value of\n"
                + " {@link Integer#MAX_VALUE}. If the arguments have the same value,\n the result is that same value.\n\n"
                + " @param   a   an argument.\n @param   b   another argument.\n @return  the larger of {@code a} and {@code b}.";
        assertEquals("""
                Returns the greater of two int values. That is, the result is the argument
                closer to the value of Integer.MAX_VALUE. If the arguments have the same value,
                the result is that same value.

                Parameters:
                  a - an argument.
                  b - another argument.

                Returns:
                  the larger of a and b.""", JavadocText.render(raw));
    }

    @Test
    void preformattedCodeListsAndEntitiesReadAsText() {
        String raw = "Use it so:\n <pre> {@code\n   List<String> names = new ArrayList<>();\n   names.add(\"x\");\n }</pre>\n"
                + " <p>Kinds:\n <ul>\n <li>one &amp; two</li>\n <li>{@linkplain java.util.Map maps}</li>\n </ul>\n"
                + " @param <T> the type of the elements\n @throws NullPointerException if it is {@code null}\n @since 1.8";
        String text = JavadocText.render(raw);
        assertTrue(text.contains("\n\n    List<String> names = new ArrayList<>();\n    names.add(\"x\");\n"), text);
        assertTrue(text.contains("  - one & two\n  - maps"), text);
        assertTrue(text.contains("Parameters:\n  <T> - the type of the elements"), text);
        assertTrue(text.contains("Throws:\n  NullPointerException - if it is null"), text);
        assertTrue(text.endsWith("Since:\n  1.8"), text);
        assertFalse(text.contains("{@") || text.contains("<pre>") || text.contains("<li>"), text);
    }
}
