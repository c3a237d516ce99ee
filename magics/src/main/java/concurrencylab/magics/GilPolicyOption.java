package concurrencylab.magics;

import concurrencylab.harness.gil.GilPolicy;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@link GilPolicy} as a picocli option: {@code new} or {@code old}, in any case; anything else names both. */
final class GilPolicyOption implements ITypeConverter<GilPolicy> {

    @Override
    public GilPolicy convert(String name) {
        try {
            return GilPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The policies' names, for completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(GilPolicy.values()).map(GilPolicy::label).iterator();
        }
    }
}
