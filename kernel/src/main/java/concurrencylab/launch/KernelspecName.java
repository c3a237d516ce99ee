package concurrencylab.launch;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a kernelspec name the way Jupyter does: letters, digits, '.', '_' and '-' only. */
public final class KernelspecName implements ITypeConverter<String> {

    public static final String DEFAULT = "concurrency-lab";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public String convert(String value) {
        if (!VALID.matcher(value).matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a kernelspec name: use letters, digits, '.', '_' and '-' only");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }
}
