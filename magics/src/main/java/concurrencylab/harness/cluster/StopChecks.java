package concurrencylab.harness.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What lets the notebook stop a task on a member that loops without ever looking at its interrupt flag: a call
 * to {@link #check()} before every jump of the snippet classes' bytecode (so in every loop), as JShell weaves
 * its own stop check into snippet code in the runtime. Cancelling a task interrupts its thread; the next check
 * then ends it. A loop that runs entirely inside JDK code has no check, there as in the notebook.
 */
public final class StopChecks {

    private static final String OWNER = Type.getInternalName(StopChecks.class);

    private StopChecks() {
    }

    /** Called by woven snippet code: ends the task when its thread was interrupted (the notebook cancelled it). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the notebook cancelled this task");
        }
    }

    /** The classes with a check before every jump. */
    static Map<String, byte[]> woven(Map<String, byte[]> classes) {
        Map<String, byte[]> woven = new HashMap<>();
        classes.forEach((name, bytes) -> woven.put(name, weave(bytes)));
        return woven;
    }

    static byte[] weave(byte[] bytecode) {
        ClassReader reader = new ClassReader(bytecode);
        ClassWriter writer = new ClassWriter(reader, 0); // a call with no operands changes no frame and no stack size
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
                        super.visitJumpInsn(opcode, label);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
