package io.casinoperf.simulations.settings;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which platforms a run may load. Loopback is always allowed; any other host must be listed in
 * {@code allowedTargets}, as {@code host} (any port) or {@code host:port}. The check looks at the
 * URL's text only and resolves no name, so a refused target is refused before anything leaves the
 * machine.
 */
public final class TargetPolicy {
  private TargetPolicy() {}

  /**
   * @throws RunSettings.InvalidSettingException when the target is neither loopback nor allowed
   */
  public static void check(URI target, List<String> allowedTargets) {
    String host = target.getHost().toLowerCase(Locale.ROOT);
    if (isLoopback(host)) {
      return;
    }
    int port = target.getPort() != -1 ? target.getPort() : defaultPort(target);
    for (String allowed : allowedTargets) {
      if (allowed.equals(host) || allowed.equals(host + ":" + port)) {
        return;
      }
    }
    throw new RunSettings.InvalidSettingException(
        "-Dtarget="
            + target
            + ": refused, "
            + host
            + " is not loopback and not in -DallowedTargets"
            + (allowedTargets.isEmpty() ? " (empty)" : "=" + String.join(",", allowedTargets))
            + "; add it there to load it on purpose");
  }

  public static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static int defaultPort(URI target) {
    return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
  }
}
