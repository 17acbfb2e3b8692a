package org.custodia.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/cycle-settings")
@PreAuthorize("hasRole('COUNTRY_ADMIN')")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only the country administrator sets the cycle")
class CycleSettingController {

    private final CycleSettings settings;

    CycleSettingController(CycleSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The country's cycle settings (the defaults, version 0, until first changed)")
    Mono<CycleSetting> getCycleSettings() {
        return settings.read();
    }

    @PutMapping
    @Operation(summary = "Change the cycle settings (optimistic locking on version)")
    @ApiResponse(responseCode = "409", description = "Stale version")
    Mono<CycleSetting> changeCycleSettings(@Valid @RequestBody CycleSettingForm form) {
        return settings.change(form);
    }
}
