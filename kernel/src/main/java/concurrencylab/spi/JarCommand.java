package concurrencylab.spi;

import java.util.concurrent.Callable;

/**
 * A command of the runnable jar that another module provides (the magics module's {@code member}): a picocli
 * {@code @Command} class listed in {@code META-INF/services/concurrencylab.spi.JarCommand}. The jar's command
 * line adds each one beside {@code kernel}, {@code install} and {@code uninstall}; it returns the exit code.
 */
public interface JarCommand extends Callable<Integer> {
}
