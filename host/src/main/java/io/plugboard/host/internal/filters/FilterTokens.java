package io.plugboard.host.internal.filters;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens: paths, string and number literals, operators and parentheses. */
final class FilterTokens {

    enum Kind { PATH, STRING, NUMBER, WORD, OP, LPAREN, RPAREN, END }

    record Token(Kind kind, String text, int column) {}

    private FilterTokens() {}

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.LPAREN : Kind.RPAREN, String.valueOf(c), start + 1));
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(s, i, c, out);
            } else if (c == '-' || Character.isDigit(c)) {
                i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || ".eE+-".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start + 1));
            } else if ("=!<>&|".indexOf(c) >= 0) {
                i++;
                while (i < s.length() && "=&|".indexOf(s.charAt(i)) >= 0 && i - start < 2) {
                    i++;
                }
                out.add(new Token(Kind.OP, s.substring(start, i), start + 1));
            } else if (c == '/' || Character.isLetter(c) || c == '_') {
                i++;
                while (i < s.length() && isPathChar(s.charAt(i))) {
                    i++;
                }
                String text = s.substring(start, i);
                boolean word = List.of("true", "false", "null", "and", "or", "not").contains(text);
                out.add(new Token(word ? Kind.WORD : Kind.PATH, text, start + 1));
            } else {
                throw new FilterSyntaxException("unexpected character '" + c + "' at column " + (start + 1));
            }
        }
        out.add(new Token(Kind.END, "", s.length() + 1));
        return out;
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-' || c == '~' || c == '[' || c == ']';
    }

    private static int string(String s, int i, char quote, List<Token> out) {
        StringBuilder text = new StringBuilder();
        int start = i++;
        while (i < s.length() && s.charAt(i) != quote) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            text.append(c);
        }
        if (i >= s.length()) {
            throw new FilterSyntaxException("the string starting at column " + (start + 1) + " is not closed");
        }
        out.add(new Token(Kind.STRING, text.toString(), start + 1));
        return i + 1;
    }
}
