package io.plugboard.verifier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The classes each class of a plugin uses: supertypes, field
 * and method types, and what method bodies name (calls, fields, casts, constants, catches). Annotations
 * and generic signatures are left out: a missing annotation class is ignored by the JVM, a generic
 * signature is never resolved.
 */
final class References {

    private References() {}

    /** @return each class's internal name → the internal names of the classes it refers to */
    static Map<String, Set<String>> of(PluginFiles plugin) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (byte[] bytes : plugin.classes().values()) {
            ClassReader reader = ClassHeader.readable(bytes);
            if (reader == null) {
                continue; // the forbidden-call check reports a class it cannot read
            }
            Set<String> found = new LinkedHashSet<>();
            graph.putIfAbsent(reader.getClassName(), found);
            Collector collector = new Collector(found);
            try {
                reader.accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // damaged: reported by the forbidden-call check
            }
        }
        return graph;
    }

    /** Records the classes one class refers to. */
    private static final class Collector extends ClassVisitor {

        private final Set<String> found;

        Collector(Set<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        private void type(String internalName) {
            if (internalName != null) {
                type(Type.getObjectType(internalName));
            }
        }

        private void type(Type type) {
            switch (type.getSort()) {
                case Type.ARRAY -> type(type.getElementType());
                case Type.OBJECT -> found.add(type.getInternalName());
                case Type.METHOD -> {
                    type(type.getReturnType());
                    for (Type argument : type.getArgumentTypes()) {
                        type(argument);
                    }
                }
                default -> { } // primitives
            }
        }

        private void constant(Object value) {
            if (value instanceof Type type) {
                type(type);
            } else if (value instanceof Handle handle) {
                type(handle.getOwner());
                type(Type.getType(handle.getDesc()));
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            type(superName);
            for (String implemented : interfaces) {
                type(implemented);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(Type.getType(descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            type(Type.getMethodType(descriptor));
            if (exceptions != null) {
                for (String exception : exceptions) {
                    type(exception);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) { type(Type.getObjectType(type)); }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    type(owner);
                    type(Type.getType(fieldDescriptor));
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean itf) {
                    type(Type.getObjectType(owner));
                    type(Type.getMethodType(methodDescriptor));
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap, Object... arguments) {
                    type(Type.getMethodType(methodDescriptor));
                    constant(bootstrap);
                    for (Object argument : arguments) {
                        constant(argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) { constant(value); }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    type(Type.getType(arrayDescriptor));
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) { type(type); }
            };
        }
    }
}
