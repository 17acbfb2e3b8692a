package org.custodia.methodology;

/** The lifecycle of a versioned methodology document (an instrument version, a classification scheme). */
public enum VersionStatus {
    // DRAFT is editable; PUBLISHED never changes again; RETIRED is kept for history and takes no new work.
    DRAFT,
    PUBLISHED,
    RETIRED
}
