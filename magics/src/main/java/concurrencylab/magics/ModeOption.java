package concurrencylab.magics;

import concurrencylab.harness.Mode;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@link Mode} as a picocli option: the names help texts list ({@code ${COMPLETION-CANDIDATES}}) and the
 * conversion that takes a name in any case, {@code coroutines} too, and rejects others with the list.
 */
final class ModeOption {

    private ModeOption() {
    }

    /** The executors' names, in the enum's order. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Mode.executors().stream().map(Mode::label).iterator();
        }
    }

    static final class Converter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String name) {
            try {
                return Mode.parse(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
