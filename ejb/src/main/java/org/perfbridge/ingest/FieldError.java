package org.perfbridge.ingest;

/** Why one field of one posted check result was refused; {@code item} is its index in the batch (0 for a single object). */
public record FieldError(int item, String field, String reason) {
}
