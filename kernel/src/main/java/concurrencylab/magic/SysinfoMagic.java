package concurrencylab.magic;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import picocli.CommandLine.Command;

/** {@code %sysinfo}: the runtime JVM's machine and settings, the facts every measurement depends on. */
@Command(name = "sysinfo", description = {"Show where cells run: cores, memory, OS, JDK, GC, heap limits, JIT and JVM flags.",
        "The facts of the runtime JVM, the one that runs the cells and measures them."})
final class SysinfoMagic implements Magic {

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        return MagicOutcome.of(invocation.session().executeInternal("concurrencylab.agent.SystemFacts.print();", invocation.cell()));
    }
}
