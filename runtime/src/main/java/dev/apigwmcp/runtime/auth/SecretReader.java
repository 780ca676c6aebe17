package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a target's secrets (an API key, a client secret, a basic user name or password) from the environment
 * variable or the file a pair of settings names, once at start. Every problem names the target and the setting,
 * never the value.
 *
 * <p>A value keeps its meaning: a variable's value is used as it is, and of a file only what editors and {@code echo}
 * add is removed (one line terminator at the end, a UTF-8 byte-order mark at the start), because an HTTP basic
 * password may begin or end with a space (RFC 7617). A secret that goes into a header as it is cannot carry edge
 * spaces, so there they are a start-up problem rather than silently trimmed.
 *
 * @param target      the target whose settings are read
 * @param settings    the gateway's settings
 * @param environment environment variable lookup ({@code null} when unset)
 */
record SecretReader(String target, Settings settings, Function<String, String> environment) {

    private static final Pattern CONVENTIONAL_VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /**
     * A value read, and where it came from as messages name it.
     *
     * @param value  the variable's value or the file's text, without one final line terminator; not empty
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
            // A user who gives the secret itself instead of a variable's name must not see it echoed in the log:
            // only a conventional name (upper case, digits, underscores) is shown.
            boolean conventional =
                    CONVENTIONAL_VARIABLE.matcher(variable.trim()).matches();
            source = (conventional ? "environment variable " + variable.trim() : "the environment variable")
                    + " (named by " + name(envSetting) + ")";
            if (value == null) {
                problems.unavailable("target '" + target + "': " + source + " is not set"
                        + (conventional
                                ? ""
                                : "; the setting takes the name of a variable that holds the secret, not the secret"
                                        + " itself (the value given is not shown)"));
                return null;
            }
            // A variable filled from a secret file (Kubernetes secretKeyRef, $(cat f) in some shells) keeps its line
            // end.
            value = withoutFinalLineBreak(value);
        } else {
            source = "file " + file + " (named by " + name(fileSetting) + ")";
            try {
                value = fileText(Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                problems.unavailable(
                        "target '" + target + "': cannot read " + source + ": " + FailureReason.describe(e));
                return null;
            }
        }
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
        if (value.startsWith(" ") || value.endsWith(" ")) {
            String edge = value.startsWith(" ") ? "begins" : "ends";
            problems.unavailable("target '" + target + "': " + secret.source() + " " + edge + " with a space, which a"
                    + " header value cannot carry (HTTP drops a value's edge spaces) and which is not trimmed here;"
                    + " remove it from the value");
            return null;
        }
        return value;
    }

    /**
     * A secret file's text as it is meant: without the one line terminator ({@code \n} or {@code \r\n}) that
     * editors and {@code echo} end a file with, nor a UTF-8 byte-order mark that some Windows editors start it with.
     * Anything else, a second line terminator included, is part of the value (and then a problem the kind names).
     */
    static String fileText(String text) {
        return withoutFinalLineBreak(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Without one final {@code \n} or {@code \r\n}; anything else kept. */
    private static String withoutFinalLineBreak(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    private String setting(Setting setting) {
        return settings.forTarget(setting, target).filter(s -> !s.isBlank()).orElse(null);
    }

    private String name(Setting setting) {
        return setting.name().replace("<target>", target);
    }
}
