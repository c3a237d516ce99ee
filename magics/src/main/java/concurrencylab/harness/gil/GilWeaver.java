package concurrencylab.harness.gil;

import concurrencylab.agent.SnippetWeaver;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves the GIL simulation into notebook classes as the runtime defines them: a switch check
 * ({@link GilSwitch#check()}) at every method entry and before every backward jump (a loop's back-edge), as
 * CPython's eval loop checks between bytecodes, and {@link GilSwitch#beforeBlocking()} /
 * {@link GilSwitch#afterBlocking()} around every call that blocks ({@link BlockingCalls}). Each insertion is a
 * static call that takes and leaves nothing on the operand stack, so stack sizes and stack map frames stay
 * valid as they are. Outside {@code %%gil} each check is one volatile read.
 */
public final class GilWeaver implements SnippetWeaver {

    private static final String SWITCH = Type.getInternalName(GilSwitch.class);

    @Override
    public byte[] weave(String className, byte[] bytecodes) {
        try {
            ClassReader reader = new ClassReader(bytecodes);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new SwitchChecks(super.visitMethod(access, name, descriptor, signature, exceptions));
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            // a class file newer than this ASM reads: it runs unwoven (%%gil cannot pre-empt it), never fails to load
            return bytecodes;
        }
    }

    private static final class SwitchChecks extends MethodVisitor {

        private final Set<Label> placed = new HashSet<>();

        SwitchChecks(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private void call(String method) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SWITCH, method, "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            call("check");
        }

        @Override
        public void visitLabel(Label label) {
            placed.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (placed.contains(target)) {
                call("check");
            }
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (BlockingCalls.blocks(owner, name, descriptor)) {
                call("beforeBlocking");
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                call("afterBlocking");
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
