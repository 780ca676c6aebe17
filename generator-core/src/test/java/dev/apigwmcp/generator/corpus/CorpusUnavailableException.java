package dev.apigwmcp.generator.corpus;

import java.io.IOException;

/** The corpus could not be fetched or unpacked; the message says why and how to get past it. */
final class CorpusUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    CorpusUnavailableException(String message) {
        super(message);
    }
}
