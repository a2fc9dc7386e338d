package io.plugboard.verifier;

import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.Handle;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The templates of the plugin's admin pages are in the plugin: a template given as a constant to
 * {@code AdminPage.builder(name, template)} must be a file of the jar, at that path from its root
 * (a path worked out at run time is checked by the host when the page is added).
 */
final class PageTemplateCheck implements Check {

    private static final String BUILDER_OWNER = "io/plugboard/sdk/web/AdminPage";
    private static final String BUILDER_DESCRIPTOR = "(Ljava/lang/String;Ljava/lang/String;)Lio/plugboard/sdk/web/AdminPage$Builder;";

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        for (Map.Entry<String, byte[]> file : plugin.classes().entrySet()) {
            ClassReader reader = ClassHeader.readable(file.getValue());
            if (reader == null) {
                continue; // reported by the forbidden-call check
            }
            String className = reader.getClassName().replace('/', '.');
            try {
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                     String[] exceptions) {
                        return new BuilderCalls(template -> {
                            String path = template.startsWith("/") ? template.substring(1) : template;
                            if (!plugin.has(path)) {
                                findings.error("missing-template", "class " + className + " adds an admin page with "
                                        + "the template '" + template + "', which is not in the plugin; put it at "
                                        + "src/main/resources/" + path + " or correct the path (from the root of "
                                        + "the jar, e.g. templates/report.hbs)");
                            }
                        });
                    }
                }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // damaged: reported by the forbidden-call check
            }
        }
    }

    /** Finds {@code AdminPage.builder(…, "constant")}: the template constant is the instruction just before the call. */
    private static final class BuilderCalls extends MethodVisitor {

        private final Consumer<String> template;
        private String lastConstant;

        BuilderCalls(Consumer<String> template) {
            super(Opcodes.ASM9);
            this.template = template;
        }

        @Override
        public void visitLdcInsn(Object value) {
            lastConstant = value instanceof String text ? text : null;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(BUILDER_OWNER) && name.equals("builder")
                    && descriptor.equals(BUILDER_DESCRIPTOR) && lastConstant != null) {
                template.accept(lastConstant);
            }
            lastConstant = null;
        }

        @Override
        public void visitInsn(int opcode) { lastConstant = null; }

        @Override
        public void visitVarInsn(int opcode, int varIndex) { lastConstant = null; }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) { lastConstant = null; }

        @Override
        public void visitIntInsn(int opcode, int operand) { lastConstant = null; }

        @Override
        public void visitTypeInsn(int opcode, String type) { lastConstant = null; }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            lastConstant = null;
        }
    }
}
