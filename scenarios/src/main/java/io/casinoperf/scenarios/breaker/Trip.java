package io.casinoperf.scenarios.breaker;

/**
 * Why and when a circuit breaker opened.
 *
 * @param reason one line, e.g. "error rate 43.1 % over the last 10 s (412 of 956 requests) passed
 *     20 %"
 * @param atMillis the clock reading (ms of the breaker's monotonic clock) of the request that
 *     opened it
 */
public record Trip(String reason, long atMillis) {}
