package concurrencylab.engine.link;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What the kernel accepts from the runtime's engine stream when JShell's streaming control reads an
 * object: the stack trace of a user exception, which classes were loaded, the result of an extension
 * command. Anything else is rejected before it is instantiated, as are deep graphs and long arrays, so a
 * runtime that misbehaves cannot make the kernel build objects of its choosing.
 */
public final class RuntimeReplies {

    private static final Set<Class<?>> ALLOWED = Set.of(
            String.class, StackTraceElement.class, StackTraceElement[].class, boolean[].class);
    /** A deep recursion's stack trace is 1,024 frames by default; JVM flags may raise it. */
    static final long MAX_ARRAY = 1 << 20;
    static final long MAX_DEPTH = 4;

    public static final ObjectInputFilter FILTER = info -> {
        if (info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.ALLOWED; // a reference or a limit check, with the limits above
        }
        return ALLOWED.contains(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private RuntimeReplies() {
    }
}
