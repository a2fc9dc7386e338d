package io.plugboard.host.internal.filters;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.filters.FilterTokens.Kind;
import io.plugboard.host.internal.filters.FilterTokens.Token;
import java.util.List;
import java.util.function.Predicate;

/**
 * A condition on an event, parsed once: comparisons of a field with a literal ({@code data.total >= 100},
 * {@code data.customer.country == "DE"}, {@code /data/plan == "pro"} as a JSON Pointer), a field alone
 * (true when present and not null, false, 0 or ""), joined with {@code &&} / {@code and}, {@code ||} /
 * {@code or}, {@code !} / {@code not} and parentheses. Fields are read from the envelope
 * {@code {"id", "type", "timestamp", "data"}}. No scripting engine: a small recursive-descent parser,
 * bounded in length and depth, whose result only reads the event.
 */
public final class EventFilter {

    public static final int MAX_LENGTH = 500;
    private static final int MAX_DEPTH = 20;

    private final String text;
    private final Predicate<JsonNode> test;

    private EventFilter(String text, Predicate<JsonNode> test) {
        this.text = text;
        this.test = test;
    }

    /** @throws FilterSyntaxException saying where the filter went wrong */
    public static EventFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FilterSyntaxException("the filter is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FilterSyntaxException("the filter is longer than " + MAX_LENGTH + " characters");
        }
        Parser p = new Parser(FilterTokens.of(text));
        Predicate<JsonNode> test = p.or(0);
        p.expect(Kind.END, "the end of the filter");
        return new EventFilter(text, test);
    }

    /** @param envelope the event as {@code {"id", "type", "timestamp", "data"}} */
    public boolean matches(JsonNode envelope) {
        return test.test(envelope);
    }

    public String text() {
        return text;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Predicate<JsonNode> or(int depth) {
            Predicate<JsonNode> left = and(depth);
            while (accept("||", "or")) {
                left = left.or(and(depth));
            }
            return left;
        }

        Predicate<JsonNode> and(int depth) {
            Predicate<JsonNode> left = unary(depth);
            while (accept("&&", "and")) {
                left = left.and(unary(depth));
            }
            return left;
        }

        Predicate<JsonNode> unary(int depth) {
            if (depth > MAX_DEPTH) {
                throw new FilterSyntaxException("the filter nests deeper than " + MAX_DEPTH + " levels");
            }
            if (accept("!", "not")) {
                return unary(depth + 1).negate();
            }
            if (peek().kind() == Kind.LPAREN) {
                pos++;
                Predicate<JsonNode> inner = or(depth + 1);
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            Token path = expect(Kind.PATH, "a field such as data.total or /data/total");
            String pointer = FilterPaths.pointer(path.text(), path.column());
            Token op = peek();
            if (op.kind() != Kind.OP || op.text().equals("&&") || op.text().equals("||") || op.text().equals("!")) {
                return event -> FilterValues.truthy(event.at(pointer));
            }
            pos++;
            if (!List.of("==", "!=", "<", "<=", ">", ">=").contains(op.text())) {
                throw new FilterSyntaxException("unknown operator '" + op.text() + "' at column " + op.column()
                        + "; use ==, !=, <, <=, > or >=");
            }
            Object literal = literal();
            return event -> FilterValues.compare(event.at(pointer), op.text(), literal);
        }

        private Object literal() {
            Token t = tokens.get(pos++);
            return switch (t.kind()) {
                case STRING -> t.text();
                case NUMBER -> FilterValues.number(t.text(), t.column());
                case WORD -> switch (t.text()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "null" -> FilterValues.NULL;
                    default -> throw expected("a value", t);
                };
                default -> throw expected("a value (\"text\", a number, true, false or null)", t);
            };
        }

        private boolean accept(String symbol, String word) {
            Token t = peek();
            if ((t.kind() == Kind.OP && t.text().equals(symbol)) || (t.kind() == Kind.WORD && t.text().equals(word))) {
                pos++;
                return true;
            }
            return false;
        }

        Token expect(Kind kind, String what) {
            Token t = peek();
            if (t.kind() != kind) {
                throw expected(what, t);
            }
            pos++;
            return t;
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private static FilterSyntaxException expected(String what, Token found) {
            String got = found.kind() == Kind.END ? "the end" : "'" + found.text() + "'";
            return new FilterSyntaxException("expected " + what + " at column " + found.column() + ", found " + got);
        }
    }
}
