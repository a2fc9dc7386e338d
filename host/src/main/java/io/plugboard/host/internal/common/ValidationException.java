package io.plugboard.host.internal.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input the host refuses, with one message per field, so an API client or a form can say exactly
 * what to fix. Nothing is changed when it is thrown. Answered with 400, the fields as details.
 */
public class ValidationException extends InputException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Object details() {
        return fieldErrors;
    }

    /** @return field name → what is wrong with it, in the order found */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> errors) {
        StringBuilder s = new StringBuilder();
        errors.forEach((field, message) -> s.append(s.length() == 0 ? "" : "; ").append(field).append(": ").append(message));
        return s.toString();
    }
}
