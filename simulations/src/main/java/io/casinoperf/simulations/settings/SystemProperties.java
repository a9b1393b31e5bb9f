package io.casinoperf.simulations.settings;

import java.util.HashMap;
import java.util.Map;

/** The JVM's system properties as a map: where Maven's {@code -D} options arrive in the fork. */
public final class SystemProperties {
  private SystemProperties() {}

  public static Map<String, String> all() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(name -> properties.put(name, System.getProperty(name)));
    return properties;
  }
}
