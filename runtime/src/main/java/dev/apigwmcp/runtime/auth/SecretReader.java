package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a target's secrets (an API key, a client secret, a basic user name or password) from the environment
 * variable or the file a pair of settings names, once at start. Every problem names the target and the setting,
 * never the value.
 *
 * @param target      the target whose settings are read
 * @param settings    the gateway's settings
 * @param environment environment variable lookup ({@code null} when unset)
 */
record SecretReader(String target, Settings settings, Function<String, String> environment) {

    /**
     * A value read, and where it came from as messages name it.
     *
     * @param value  the value, surrounding whitespace removed, not empty
     * @param source {@code environment variable X (named by target.t.key)} or {@code file f (named by ...)}
     */
    record Secret(String value, String source) {
        @Override
        public String toString() {
            return "Secret[" + source + "]";
        }
    }

    /**
     * The value of the environment variable {@code envSetting} names, else of the file {@code fileSetting} names;
     * {@code null}, with a problem, when neither is set or the value is missing, unreadable or empty.
     *
     * @param what what the tools need, for the message ({@code "an API key"})
     */
    Secret read(Setting envSetting, Setting fileSetting, String what, StartupProblems problems) {
        String variable = setting(envSetting);
        String file = setting(fileSetting);
        if (variable == null && file == null) {
            problems.unavailable("target '" + target + "': tools need " + what + "; set " + name(envSetting)
                    + " (an environment variable name) or " + name(fileSetting) + " (a file)");
            return null;
        }
        String value;
        String source;
        if (variable != null) {
            value = environment.apply(variable.trim());
            source = "environment variable " + variable.trim() + " (named by " + name(envSetting) + ")";
            if (value == null) {
                problems.unavailable("target '" + target + "': " + source + " is not set");
                return null;
            }
        } else {
            source = "file " + file + " (named by " + name(fileSetting) + ")";
            try {
                value = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                problems.unavailable("target '" + target + "': cannot read " + source + ": "
                        + e.getClass().getSimpleName());
                return null;
            }
        }
        value = value.strip();
        if (value.isEmpty()) {
            problems.unavailable("target '" + target + "': " + source + " is empty");
            return null;
        }
        return new Secret(value, source);
    }

    /**
     * {@link #read}, for a secret that goes into a header as it is (an API key, a client secret): visible Latin-1
     * characters only.
     */
    String headerValue(Setting envSetting, Setting fileSetting, String what, StartupProblems problems) {
        Secret secret = read(envSetting, fileSetting, what, problems);
        if (secret == null) {
            return null;
        }
        String value = secret.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || c > 0xFF) {
                problems.unavailable("target '" + target + "': " + secret.source()
                        + " holds a character that cannot be sent in a header (at position " + i + ")");
                return null;
            }
        }
        return value;
    }

    private String setting(Setting setting) {
        return settings.forTarget(setting, target).filter(s -> !s.isBlank()).orElse(null);
    }

    private String name(Setting setting) {
        return setting.name().replace("<target>", target);
    }
}
