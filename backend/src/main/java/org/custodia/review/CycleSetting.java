package org.custodia.review;

/**
 * The country's settings of the review cycle.
 *
 * @param preReleaseMonths how many months before the expected release the pre-release assessment falls due
 * @param version for optimistic locking; 0 while the country keeps the defaults
 */
record CycleSetting(int preReleaseMonths, long version) {}
