package org.xuewei.engine;

/**
 * Bad input: the message names the student or school and the field, e.g.
 * {@code student A0001: choices[2].school: unknown school "S99"}. The CLI exits with code 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
