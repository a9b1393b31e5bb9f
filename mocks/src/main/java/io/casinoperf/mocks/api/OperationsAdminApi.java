package io.casinoperf.mocks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.casinoperf.mocks.auth.PlayerSessions;
import io.casinoperf.mocks.conditions.Conditions;
import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.mocks.conditions.PlatformConditions;
import io.casinoperf.mocks.wallet.WalletReconciliation;
import io.casinoperf.mocks.wallet.Wallets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator endpoints of the stand-in, under WireMock's admin path: {@code GET
 * /__admin/casino/conditions}, {@code POST /__admin/casino/conditions} (switch mode or latency and
 * fault settings while running; fields left out keep their value) and {@code GET
 * /__admin/casino/reconciliation} (every wallet's balance checked against its ledger) and {@code POST
 * /__admin/casino/lost-deposits} (the fault that loses a player's next deposit: {@code
 * {"playerId": "p1"}}).
 */
public final class OperationsAdminApi implements AdminApiExtension {
  public static final String CONDITIONS_PATH = "/casino/conditions";
  public static final String RECONCILIATION_PATH = "/casino/reconciliation";
  public static final String LOST_DEPOSITS_PATH = "/casino/lost-deposits";
  private static final int LISTED_UNBALANCED = 20;
  private static final Logger LOG = LoggerFactory.getLogger(OperationsAdminApi.class);

  /**
   * The ledger check of every wallet.
   *
   * @param balanced true when every wallet satisfies balance = initial + deposits − withdrawals −
   *     stakes + wins
   * @param unbalanced up to 20 of the wallets that do not
   */
  public record ReconciliationReport(
      boolean balanced,
      int players,
      int unbalancedPlayers,
      long transactions,
      long depositsCents,
      long withdrawalsCents,
      long stakesCents,
      long winsCents,
      List<WalletReconciliation> unbalanced) {}

  private final PlatformConditions conditions;
  private final Wallets wallets;

  public OperationsAdminApi(PlatformConditions conditions, Wallets wallets) {
    this.conditions = conditions;
    this.wallets = wallets;
  }

  @Override
  public String getName() {
    return "casino-operations";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(
        RequestMethod.GET,
        CONDITIONS_PATH,
        (admin, serveEvent, pathParams) -> json(200, conditions.current()));
    router.add(
        RequestMethod.POST,
        CONDITIONS_PATH,
        (admin, serveEvent, pathParams) -> switchConditions(serveEvent.getRequest().getBodyAsString()));
    router.add(
        RequestMethod.GET,
        RECONCILIATION_PATH,
        (admin, serveEvent, pathParams) -> json(200, reconcile()));
    router.add(
        RequestMethod.POST,
        LOST_DEPOSITS_PATH,
        (admin, serveEvent, pathParams) -> loseNextDeposit(serveEvent.getRequest().getBodyAsString()));
  }

  /** What {@code POST /__admin/casino/lost-deposits} answers: whose next deposit will be lost. */
  public record LostDepositArmed(String playerId) {}

  private ResponseDefinition loseNextDeposit(String body) {
    Optional<String> playerId =
        Json.readObject(body)
            .map(request -> request.get("playerId"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .filter(PlayerSessions::isPlayerId);
    if (playerId.isEmpty()) {
      return json(400, new ApiResponse.ApiError(
          "bad_request", "expected a JSON object with playerId (1-64 letters, digits, - or _)"));
    }
    wallets.loseNextDeposit(playerId.get());
    LOG.warn("fault armed: the next deposit of {} will be answered but never booked", playerId.get());
    return json(200, new LostDepositArmed(playerId.get()));
  }

  public ReconciliationReport reconcile() {
    List<WalletReconciliation> all = wallets.reconcileAll();
    List<WalletReconciliation> unbalanced = all.stream().filter(r -> !r.balanced()).toList();
    return new ReconciliationReport(
        unbalanced.isEmpty(),
        all.size(),
        unbalanced.size(),
        all.stream().mapToLong(WalletReconciliation::transactionCount).sum(),
        all.stream().mapToLong(WalletReconciliation::depositsCents).sum(),
        all.stream().mapToLong(WalletReconciliation::withdrawalsCents).sum(),
        all.stream().mapToLong(WalletReconciliation::stakesCents).sum(),
        all.stream().mapToLong(WalletReconciliation::winsCents).sum(),
        unbalanced.stream().limit(LISTED_UNBALANCED).toList());
  }

  private ResponseDefinition switchConditions(String body) {
    Optional<JsonNode> changes = Json.readObject(body);
    if (changes.isEmpty()) {
      return json(400, new ApiResponse.ApiError("bad_request", "expected a JSON object"));
    }
    try {
      Conditions next = merge(conditions.current(), changes.get());
      conditions.switchTo(next);
      LOG.info("conditions switched to {}", next);
      return json(200, next);
    } catch (IllegalArgumentException e) {
      return json(400, new ApiResponse.ApiError("bad_request", e.getMessage()));
    }
  }

  /** The current conditions with the fields present in {@code changes} replaced. */
  static Conditions merge(Conditions current, JsonNode changes) {
    Mode mode = changes.has("mode") ? Mode.parse(changes.get("mode").asText()) : current.mode();
    return new Conditions(
        mode,
        number(changes, "normalMedianMillis", current.normalMedianMillis()),
        number(changes, "normalSigma", current.normalSigma()),
        number(changes, "degradedMedianMillis", current.degradedMedianMillis()),
        number(changes, "degradedSigma", current.degradedSigma()),
        number(changes, "faultyErrorPercent", current.faultyErrorPercent()),
        number(changes, "faultyDropPercent", current.faultyDropPercent()),
        number(changes, "faultyPushLossPercent", current.faultyPushLossPercent()),
        whole(changes, "queueWorkers", current.queueWorkers()),
        number(changes, "queueServiceMillis", current.queueServiceMillis()),
        number(changes, "queueServiceScv", current.queueServiceScv()));
  }

  private static int whole(JsonNode changes, String field, int current) {
    JsonNode node = changes.get(field);
    if (node == null) {
      return current;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be a whole number, was " + node);
    }
    return node.asInt();
  }

  private static double number(JsonNode changes, String field, double current) {
    JsonNode node = changes.get(field);
    if (node == null) {
      return current;
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number, was " + node);
    }
    return node.asDouble();
  }

  private static ResponseDefinition json(int status, Object body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.write(body))
        .build();
  }
}
