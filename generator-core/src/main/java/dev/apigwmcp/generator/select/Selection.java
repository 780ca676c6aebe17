package dev.apigwmcp.generator.select;

import java.util.List;

/**
 * The result of applying filters and overrides to one export.
 *
 * @param selected    selected operations, in export order
 * @param filteredOut how many operations the filters left out
 */
public record Selection(List<SelectedOperation> selected, int filteredOut) {
    public Selection {
        selected = List.copyOf(selected);
    }
}
