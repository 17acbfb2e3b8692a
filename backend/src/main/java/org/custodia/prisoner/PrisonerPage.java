package org.custodia.prisoner;

import java.util.List;

/** @param total how many prisoners match, over all pages */
public record PrisonerPage(List<PrisonerSummary> items, int page, int size, long total) {}
