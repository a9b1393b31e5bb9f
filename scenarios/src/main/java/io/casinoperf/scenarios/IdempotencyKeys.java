package io.casinoperf.scenarios;

import io.gatling.javaapi.core.Session;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh idempotency keys for money-moving calls; a retry reuses the key in the session. */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** The session with a new random key in {@value SessionKeys#IDEMPOTENCY_KEY}. */
  static Session fresh(Session session) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Random, not secure: keys only need to be unique, and SecureRandom would contend under load.
    return session.set(
        SessionKeys.IDEMPOTENCY_KEY, new UUID(random.nextLong(), random.nextLong()).toString());
  }

  static final String HEADER = "Idempotency-Key";
  static final String VALUE = "#{" + SessionKeys.IDEMPOTENCY_KEY + "}";
}
