package dev.apigwmcp.generator.catalog;

/** A {@code tools.json} that is not a valid MCP {@code tools/list} result; the message names file and place. */
public final class CatalogFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public CatalogFormatException(String message) {
        super(message);
    }
}
