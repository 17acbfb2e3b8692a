package org.custodia.methodology.risk;

/** The scale every country's risk levels map onto, so that countries can be compared. */
public enum CommonLevel {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
