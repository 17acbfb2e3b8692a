package org.custodia.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('AUDITOR')")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only an auditor reads the trail")
class AuditController {

    static final int MAX_PAGE = 200;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/entries")
    @Operation(summary = "The country's audit trail, newest first, filtered and paged by sequence number")
    Mono<AuditPage> auditEntries(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long beforeSeq,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException(
                    "The page size is out of range.",
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_PAGE)));
        }
        return log.entries(new AuditFilter(action, entityType, entityId, actor, from, to, beforeSeq, limit));
    }

    @PostMapping("/verification")
    @Operation(summary = "Recompute the country's audit chain and name the first broken link, if any")
    Mono<ChainVerification> verifyAuditChain() {
        return log.verify();
    }
}
