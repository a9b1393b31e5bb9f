package io.casinoperf.capacity.plan;

import io.casinoperf.capacity.series.MetricsFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The promotions the platform has run, the windows to leave out of fitting, and the promotion to
 * plan for, read from a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file:
 *
 * <pre>{@code
 * past:                       # optional list; overlapping promotions are fine
 *   - {name: "Black Friday 2025", type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
 * incidents:                  # optional list; metrics inside [start, end] are not fitted
 *   - {name: "DB failover", start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:30:00Z"}
 * planned: {name: "Black Friday 2026", type: free-spins,       # optional
 *           start: 2026-11-27T18:00:00Z, end: 2026-11-27T23:00:00Z,
 *           multiplier: 3.0}  # optional: expected traffic / usual traffic, > 0
 * }</pre>
 *
 * Times are dates or date-times written as text (ISO-8601 with an offset; a local date-time or a
 * date, taken as UTC); a bare number such as epoch seconds is refused. Names and types are text,
 * not blank, and not a bare number or boolean. Every end must be after its start. Read with the
 * metrics' {@link MetricsSpan}, no time may lie absurdly far from them. A planned type with no past
 * promotion and no multiplier is accepted here: whether the forecast can go on without either is
 * the model's decision ({@link #hasHistory}). The full description is docs/CAPACITY-INPUTS.md.
 *
 * @param past the promotions that ran, in file order; empty when none
 * @param incidents windows to exclude from fitting, in file order; empty when none
 * @param planned the promotion to plan for; empty when the file names none
 */
public record PromotionCalendar(List<Promotion> past, List<Incident> incidents,
    Optional<PlannedPromotion> planned) {
  private static final String WHAT = "a promotion calendar (past, incidents, planned)";
  private static final List<String> TOP = List.of("past", "incidents", "planned");
  private static final List<String> PROMOTION = List.of("name", "type", "start", "end");
  private static final List<String> INCIDENT = List.of("name", "start", "end");
  private static final List<String> PLANNED = List.of("name", "type", "start", "end", "multiplier");

  public PromotionCalendar {
    past = past == null ? List.of() : List.copyOf(past);
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    planned = planned == null ? Optional.empty() : planned;
  }

  /** A calendar with no promotions, incidents or plan. */
  public static PromotionCalendar empty() {
    return new PromotionCalendar(List.of(), List.of(), Optional.empty());
  }

  /**
   * The calendar as written, every field checked on its own.
   *
   * @throws MetricsFormatException naming the file, the line and the field of the first problem
   */
  public static PromotionCalendar read(Path file) {
    return read(file, null);
  }

  /**
   * The calendar, with every time also checked against the metrics it goes with
   * ({@link MetricsSpan}: nothing absurdly far from them).
   *
   * @throws MetricsFormatException naming the file, the line and the field of the first problem
   */
  public static PromotionCalendar read(Path file, MetricsSpan metrics) {
    FieldReader top = FieldReader.of(file, "", InputDocument.read(file, WHAT), TOP);
    List<Promotion> past = top.list("past", PROMOTION).stream()
        .map(p -> p.build(() -> {
          Promotion promotion = new Promotion(p.text("name"), p.text("type"), p.dateTime("start"),
              p.dateTime("end"));
          if (metrics != null) {
            metrics.checkNear("a past promotion", promotion.startEpochSecond(), promotion.endEpochSecond());
          }
          return promotion;
        }))
        .toList();
    List<Incident> incidents = top.list("incidents", INCIDENT).stream()
        .map(i -> i.build(() -> {
          Incident incident = new Incident(i.text("name"), i.dateTime("start"), i.dateTime("end"));
          if (metrics != null) {
            metrics.checkNear("an incident", incident.startEpochSecond(), incident.endEpochSecond());
          }
          return incident;
        }))
        .toList();
    FieldReader p = top.mapping("planned", PLANNED);
    Optional<PlannedPromotion> planned = p == null ? Optional.empty()
        : Optional.of(p.build(() -> {
          PlannedPromotion promotion = new PlannedPromotion(p.text("name"), p.text("type"),
              p.dateTime("start"), p.dateTime("end"), p.number("multiplier"));
          if (metrics != null) {
            metrics.checkPlanned(promotion.startEpochSecond(), promotion.endEpochSecond());
          }
          return promotion;
        }));
    return new PromotionCalendar(past, incidents, planned);
  }

  /** Whether any past promotion had this type (compared exactly, surrounding blanks ignored). */
  public boolean hasHistory(String type) {
    return !pastOfType(type).isEmpty();
  }

  /** The past promotions of this type, in file order. */
  public List<Promotion> pastOfType(String type) {
    String wanted = type.strip();
    return past.stream().filter(p -> p.type().equals(wanted)).toList();
  }

  /**
   * The incidents as {@code [start, end]} pairs of epoch seconds, the form
   * {@link io.casinoperf.capacity.series.Cleaning#exclude} takes.
   */
  public List<long[]> incidentWindows() {
    return incidents.stream().map(i -> new long[] {i.startEpochSecond(), i.endEpochSecond()}).toList();
  }
}
