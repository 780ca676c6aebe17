package dev.apigwmcp.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.SettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    @Test
    void theDefaultModeAddsTheSearchAboveOneHundredTools() {
        SearchSettings settings = SearchSettings.from(Settings.of(Map.of()));
        assertThat(settings.modeFor(100)).isEqualTo(SearchMode.OFF);
        assertThat(settings.modeFor(101)).isEqualTo(SearchMode.ADD);
    }

    @Test
    void aModeGivenWinsWhateverTheCatalogsSize() {
        assertThat(SearchSettings.from(Settings.of(Map.of("search.mode", "only")))
                        .modeFor(1))
                .isEqualTo(SearchMode.ONLY);
        assertThat(SearchSettings.from(Settings.of(Map.of("search.mode", "OFF")))
                        .modeFor(5000))
                .isEqualTo(SearchMode.OFF);
    }

    @Test
    void anUnknownModeIsAWrongSettingListingTheModes() {
        assertThatThrownBy(() -> SearchSettings.from(Settings.of(Map.of("search.mode", "sometimes"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--search.mode")
                .hasMessageContaining("off, add, only or auto");
    }

    @Test
    void aToolNameNoClientAcceptsIsAWrongSetting() {
        assertThatThrownBy(() -> SearchSettings.from(Settings.of(Map.of("search.tool-name", "search tools"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--search.tool-name");
    }

    @Test
    void theSearchToolAndTheCallToolCannotShareAName() {
        assertThatThrownBy(() -> SearchSettings.from(Settings.of(Map.of("search.call-tool-name", "search_tools"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("must differ");
    }
}
