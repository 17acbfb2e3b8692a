package org.custodia.methodology.scheme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.methodology.VersionStatus;
import org.custodia.shared.error.FieldError;

final class SchemeViews {

    private SchemeViews() {}

    /** @param problems for a draft: what still stops it from being published */
    record SchemeVersionView(
            UUID id,
            int number,
            VersionStatus status,
            long version,
            SchemeDefinition definition,
            Instant publishedAt,
            Instant retiredAt,
            List<FieldError> problems) {}

    /** @param violations for the given category, the constraints a decision for it would break */
    record Evaluation(RuleEngine.Proposal proposal, String category, List<RuleEngine.Violation> violations) {}
}
