package io.casinoperf.gate.history;

import io.casinoperf.gate.summary.RunSummary;

/** A run read back from the history: its metadata and its summary (histograms and blocks). */
public record StoredRun(RunRecord record, RunSummary summary) {}
