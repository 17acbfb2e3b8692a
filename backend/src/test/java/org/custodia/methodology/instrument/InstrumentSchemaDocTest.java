package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.instrument.InstrumentViews.ExportedVersion;
import org.junit.jupiter.api.Test;

/** The complete example of {@code docs/instrument-schema.md} is valid and scores as the page says. */
class InstrumentSchemaDocTest {

    private static ExportedVersion example() throws IOException {
        String page = Files.readString(Path.of("../docs/instrument-schema.md"));
        String section = page.substring(page.indexOf("## A complete example"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        String json = section.substring(start, section.indexOf("```", start));
        return SeedMethodology.STRICT.readValue(json, ExportedVersion.class);
    }

    @Test
    void theExampleIsValidAndScoresAsDocumented() throws IOException {
        ExportedVersion document = example();
        assertThat(document.schema()).isEqualTo(ExportedVersion.SCHEMA);
        DefinitionValidator.Result result =
                SeedMethodology.VALIDATOR.validate(document.definition(), List.of("LOW", "MEDIUM", "HIGH"), "en");
        assertThat(result.errors()).isEmpty();
        Scorer scorer = new Scorer();

        ScoringResult violent =
                scorer.score(result.compiled(), Map.of("violent_offence", true, "weapon", "blade", "age", 22), null);
        assertThat(violent.scales().get(0).score()).isEqualTo(7.0);
        assertThat(violent.overall().level()).isEqualTo("HIGH");

        ScoringResult calm = scorer.score(result.compiled(), Map.of("violent_offence", false, "age", 40), null);
        assertThat(calm.scales().get(0).score()).isEqualTo(0.0);
        assertThat(calm.overall().level()).isEqualTo("LOW");

        ScoringResult prorated = scorer.score(result.compiled(), Map.of("violent_offence", true, "age", 30), null);
        assertThat(prorated.scales().get(0).score()).isEqualTo(4.5);
        assertThat(prorated.scales().get(0).prorated()).isTrue();
        assertThat(prorated.overall().level()).isEqualTo("MEDIUM");
    }
}
