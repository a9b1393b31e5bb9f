package io.casinoperf.simulations;

import java.util.HashMap;
import java.util.Map;

/** The JVM's system properties as a map: where Maven's {@code -D} options arrive in the fork. */
final class SystemProperties {
  private SystemProperties() {}

  static Map<String, String> all() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(name -> properties.put(name, System.getProperty(name)));
    return properties;
  }
}
