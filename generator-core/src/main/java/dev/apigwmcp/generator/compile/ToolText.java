package dev.apigwmcp.generator.compile;

import java.util.Objects;

/**
 * What a tool says about itself, decided by {@link ToolDescriber}.
 *
 * @param title       the operation's summary as a human title, or {@code null}
 * @param description the final description (cut to the target's limit)
 */
public record ToolText(String title, String description) {
    public ToolText {
        Objects.requireNonNull(description, "description");
    }
}
