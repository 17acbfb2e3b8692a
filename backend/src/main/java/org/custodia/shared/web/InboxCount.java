package org.custodia.shared.web;

/**
 * How many items wait in an approval inbox, for a badge or a home page. It names no one, so reading it is not audited
 * (the inbox itself, which lists people, is).
 *
 * @param total the items waiting for a decision in the caller's country
 */
public record InboxCount(long total) {}
