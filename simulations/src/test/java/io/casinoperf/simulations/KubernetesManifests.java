package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests of one folder as data: every document of every {@code *.yaml} file
 * directly in it (sub-folders such as {@code image/} are not read), looked up by kind and name.
 * Reading needs no cluster; values are what the files say before kustomize touches them.
 */
final class KubernetesManifests {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

  /** One YAML document and the file it came from. */
  record Manifest(Path file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }
  }

  private final Path folder;
  private final List<Manifest> manifests;

  private KubernetesManifests(Path folder, List<Manifest> manifests) {
    this.folder = folder;
    this.manifests = manifests;
  }

  /** @throws IOException when a file cannot be read or is not YAML */
  static KubernetesManifests read(Path folder) throws IOException {
    List<Manifest> manifests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document != null && !document.isNull()) {
            manifests.add(new Manifest(file, document));
          }
        }
      }
    }
    return new KubernetesManifests(folder, manifests);
  }

  Path folder() {
    return folder;
  }

  List<Manifest> all() {
    return manifests;
  }

  List<Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  Optional<Manifest> find(String kind, String name) {
    return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
  }

  /** The pod template's containers of a Job (init containers first). */
  List<Container> containers(JsonNode job) {
    JsonNode podSpec = job.path("spec").path("template").path("spec");
    List<Container> containers = new ArrayList<>();
    podSpec.path("initContainers").forEach(c -> containers.add(new Container(c)));
    podSpec.path("containers").forEach(c -> containers.add(new Container(c)));
    return containers;
  }

  /** A container, with its environment resolved against this folder's ConfigMaps. */
  final class Container {
    private final JsonNode node;

    private Container(JsonNode node) {
      this.node = node;
    }

    JsonNode node() {
      return node;
    }

    String image() {
      return node.path("image").asText();
    }

    /** Command and arguments as one text: what the shell runs. */
    String script() {
      List<String> parts = new ArrayList<>();
      node.path("command").forEach(part -> parts.add(part.asText()));
      node.path("args").forEach(part -> parts.add(part.asText()));
      return String.join("\n", parts);
    }

    /**
     * The value of an environment variable as Kubernetes sets it: an {@code env} entry (a literal
     * or a ConfigMap key) wins over {@code envFrom} ConfigMaps. Empty when it comes from
     * elsewhere (a Secret, the downward API) or is not set.
     */
    Optional<String> env(String name) {
      for (JsonNode entry : node.path("env")) {
        if (entry.path("name").asText().equals(name)) {
          if (entry.has("value")) {
            return Optional.of(entry.path("value").asText());
          }
          JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
          return configMapValue(ref.path("name").asText(), ref.path("key").asText());
        }
      }
      for (JsonNode source : node.path("envFrom")) {
        String configMap = source.path("configMapRef").path("name").asText();
        Optional<String> value = configMapValue(configMap, name);
        if (value.isPresent()) {
          return value;
        }
      }
      return Optional.empty();
    }

    /**
     * The whole environment Kubernetes would give this container: every key of the ConfigMaps
     * named in {@code envFrom}, then each {@code env} entry (a literal, a ConfigMap key, a Secret
     * key looked up in {@code secrets} as {@code "<secret>/<key>"}, a resource field as {@code
     * "1"}). A Secret key missing from {@code secrets} is left out, as an optional one would be.
     */
    java.util.Map<String, String> environment(java.util.Map<String, String> secrets) {
      java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
      for (JsonNode source : node.path("envFrom")) {
        String configMap = source.path("configMapRef").path("name").asText();
        find("ConfigMap", configMap).ifPresent(m -> m.node().path("data").fields()
            .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText())));
      }
      for (JsonNode entry : node.path("env")) {
        String name = entry.path("name").asText();
        JsonNode from = entry.path("valueFrom");
        if (entry.has("value")) {
          environment.put(name, entry.path("value").asText());
        } else if (from.has("configMapKeyRef")) {
          JsonNode ref = from.path("configMapKeyRef");
          configMapValue(ref.path("name").asText(), ref.path("key").asText())
              .ifPresent(value -> environment.put(name, value));
        } else if (from.has("secretKeyRef")) {
          JsonNode ref = from.path("secretKeyRef");
          String value = secrets.get(ref.path("name").asText() + "/" + ref.path("key").asText());
          if (value != null) {
            environment.put(name, value);
          }
        } else if (from.has("resourceFieldRef")) {
          environment.put(name, "1");
        }
      }
      return environment;
    }

    /**
     * The value of a command-line option in the script ({@code -Dtarget=…}, {@code --target …},
     * {@code --param shards=…}) with quotes removed and {@code $NAME} / {@code ${NAME}} replaced
     * by this container's environment; an unknown variable stays as written.
     */
    Optional<String> option(String name) {
      Matcher matcher = Pattern.compile("(?<!\\S)" + Pattern.quote(name) + "(?:=|\\s+)(\\S+)").matcher(script());
      return matcher.find() ? Optional.of(expand(matcher.group(1).replace("\"", ""))) : Optional.empty();
    }

    String expand(String text) {
      Matcher matcher = VARIABLE.matcher(text);
      StringBuilder expanded = new StringBuilder();
      while (matcher.find()) {
        String variable = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        matcher.appendReplacement(expanded, Matcher.quoteReplacement(env(variable).orElse(matcher.group())));
      }
      return matcher.appendTail(expanded).toString();
    }
  }

  private Optional<String> configMapValue(String configMap, String key) {
    return find("ConfigMap", configMap)
        .map(m -> m.node().path("data").path(key))
        .filter(value -> !value.isMissingNode())
        .map(JsonNode::asText);
  }
}
