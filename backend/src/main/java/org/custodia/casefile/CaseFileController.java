package org.custodia.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.custodia.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@PreAuthorize(Roles.CASE_WORKER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only assessors and supervisors see prisoners")
class CaseFileController {

    private final CaseFiles caseFiles;

    CaseFileController(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @GetMapping("/api/prisoners/{id}/case-file")
    @Operation(
            summary = "A prisoner's case file: record, facility, current classification with its trace, every"
                    + " decision, assessments, review triggers and referrals (the read is audited once)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    Mono<CaseFile> getCaseFile(@PathVariable UUID id) {
        return caseFiles.read(id);
    }
}
