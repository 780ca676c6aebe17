package dev.apigwmcp.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Why a file named by a setting could not be read, in words for a start-up line rather than an exception's name. */
public final class FileReadFailure {

    private FileReadFailure() {}

    /** "there is no such file", "permission denied", ..., else the exception's class name. */
    public static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (cause instanceof IOException && "Is a directory".equals(cause.getMessage())) {
            return "it is a directory";
        }
        return e.getClass().getSimpleName();
    }
}
