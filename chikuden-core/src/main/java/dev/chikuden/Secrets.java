package dev.chikuden;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets are masked before text leaves the program: the site file copied into a
 * report, error messages, logs. It masks the value of every key named like a secret (password,
 * token, secret: {@code token}, {@code dbPassword}, {@code client_secret}; not {@code tokenEnv},
 * which names a variable), in YAML block and flow style and in JSON; the password of a URL's
 * {@code user:pass@} part; and {@code password=} and the like in a URL's parameters. Lexical on
 * purpose: the text keeps its comments and layout, and text that is not YAML (a message) is
 * masked as well.
 */
public final class Secrets {
    public static final String MASK = "***";

    private static final String KEY = "[A-Za-z0-9_.-]*?(?:password|passwd|pwd|token|secret)";
    /** A key at the start of a line (after indentation and list dashes), its value to the end of the line. */
    private static final Pattern BLOCK = Pattern.compile("(?im)^([ \\t]*(?:-[ \\t]+)*([\"']?)" + KEY
            + "\\2[ \\t]*:[ \\t]+)(\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*'|(?:(?![ \\t]+#)[^\\n])+?)"
            + "([ \\t]*,?[ \\t]*(?:#[^\\n]*)?)$");
    /** A key inside a flow mapping or a JSON object, its value to the next comma or bracket. */
    private static final Pattern FLOW = Pattern.compile("(?i)([{,][ \\t]*([\"']?)" + KEY
            + "\\2[ \\t]*:[ \\t]*)(\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*'|[^,}\\]\\n]*[^,}\\]\\s])");
    /** The password of {@code scheme://user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s/@:'\"]*):[^\\s/'\"]*@");
    /** {@code password=...}, {@code token=...} in a URL's parameters. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)(?<=[?&;])(" + KEY + "=)[^&;\\s'\"]*");

    private Secrets() {}

    /** The text with every secret it holds replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = replace(BLOCK, text, m -> m.group(1) + quoted(m.group(3)) + m.group(4));
        out = replace(FLOW, out, m -> m.group(1) + quoted(m.group(3)));
        out = USER_INFO.matcher(out).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        return PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** The mask in the quotes the value had, so masked YAML and JSON still parse. */
    private static String quoted(String value) {
        if (value.startsWith("\"")) {
            return "\"" + MASK + "\"";
        }
        return value.startsWith("'") ? "'" + MASK + "'" : "\"" + MASK + "\"";
    }

    private static String replace(Pattern p, String text, Function<MatchResult, String> with) {
        return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
