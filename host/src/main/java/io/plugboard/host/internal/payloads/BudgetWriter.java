package io.plugboard.host.internal.payloads;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that counts the UTF-8 bytes passing through it against the {@link RenderBudget} and checks
 * the deadline on every write, forwarding to where the output goes. The render's own output goes
 * through one; so does each {@code each} loop's, since Handlebars renders a block's body into a string
 * in memory before it reaches the outer writer.
 */
final class BudgetWriter extends Writer {

    private final Appendable target;
    private final RenderBudget budget;
    private long bytes;

    BudgetWriter(Appendable target, RenderBudget budget) {
        this.target = target;
        this.budget = budget;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        append(java.nio.CharBuffer.wrap(buf, off, len));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        append(s, off, off + len);
    }

    @Override
    public Writer append(CharSequence s) throws IOException {
        CharSequence text = s == null ? "null" : s;
        return append(text, 0, text.length());
    }

    @Override
    public Writer append(CharSequence s, int start, int end) throws IOException {
        CharSequence text = s == null ? "null" : s;
        budget.checkTime();
        bytes += utf8Length(text, start, end);
        budget.checkSize(bytes);
        target.append(text, start, end);
        return this;
    }

    @Override
    public void write(int c) throws IOException {
        append(String.valueOf((char) c));
    }

    @Override
    public void flush() {
        // nothing buffered here
    }

    @Override
    public void close() {
        // the target belongs to the caller
    }

    private static long utf8Length(CharSequence s, int start, int end) {
        long n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            // A surrogate pair is 4 bytes: 2 for each half.
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
