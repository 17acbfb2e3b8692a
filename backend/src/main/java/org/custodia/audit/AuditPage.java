package org.custodia.audit;

import java.util.List;

/**
 * Entries newest first.
 *
 * @param nextBeforeSeq pass as {@code beforeSeq} to read the next page; null on the last page
 */
public record AuditPage(List<AuditEntryView> entries, Long nextBeforeSeq) {}
