package io.casinoperf.gate.log;

/**
 * What reading one {@code simulation.log} gave.
 *
 * @param records whole records read after the run header
 * @param partial true when the file ends inside a record (an injector that crashed or was killed):
 *     everything before that record was read and delivered, the broken tail was not
 * @param validBytes bytes up to the end of the last whole record
 * @param fileBytes size of the file
 */
public record ReadOutcome(RunHeader header, long records, boolean partial, long validBytes, long fileBytes) {}
