package org.custodia.methodology.instrument;

/** DRAFT is editable; PUBLISHED never changes again; RETIRED takes no new assessments. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
