package dev.basin.tools;

/** A tool ran on valid input but could not produce a valid result; the use is recorded as failed. */
public class ToolExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolExecutionException(String message) {
        super(message);
    }

    public ToolExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
