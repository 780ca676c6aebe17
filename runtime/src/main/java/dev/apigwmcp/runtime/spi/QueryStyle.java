package dev.apigwmcp.runtime.spi;

/** How an array-valued query parameter is serialised (OpenAPI {@code style} + {@code explode}). */
public enum QueryStyle {
    /** {@code style=form, explode=true} (and Swagger 2 {@code collectionFormat: multi}): {@code a=1&a=2}. */
    FORM_EXPLODED,
    /** {@code style=form, explode=false} (Swagger 2 {@code csv}): {@code a=1,2}. */
    FORM,
    /** {@code style=spaceDelimited} (Swagger 2 {@code ssv}): {@code a=1%202}. */
    SPACE_DELIMITED,
    /** {@code style=pipeDelimited} (Swagger 2 {@code pipes}): {@code a=1|2}. */
    PIPE_DELIMITED,
    /** Swagger 2 {@code tsv}: {@code a=1%092}. */
    TAB_DELIMITED,
    /** Objects with {@code style=deepObject}: {@code a[x]=1&a[y]=2}. */
    DEEP_OBJECT
}
