package io.casinoperf.gate.summary;

import java.util.List;

/**
 * A request as Gatling's report lists it: its name inside its groups, outermost first. Two
 * requests of the same name in different groups are different requests.
 */
public record RequestKey(List<String> groups, String name) implements Comparable<RequestKey> {
  public RequestKey {
    groups = List.copyOf(groups);
  }

  public static RequestKey of(String name) {
    return new RequestKey(List.of(), name);
  }

  /** {@code Group / Subgroup / Name}, or just the name outside groups. */
  public String path() {
    return groups.isEmpty() ? name : String.join(" / ", groups) + " / " + name;
  }

  @Override
  public int compareTo(RequestKey other) {
    return path().compareTo(other.path());
  }

  @Override
  public String toString() {
    return path();
  }
}
