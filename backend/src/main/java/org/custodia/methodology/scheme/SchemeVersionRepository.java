package org.custodia.methodology.scheme;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface SchemeVersionRepository extends ReactiveCrudRepository<SchemeVersionEntity, UUID> {

    Flux<SchemeVersionEntity> findAllByOrderByNumber();

    Mono<SchemeVersionEntity> findByStatus(String status);

    @Query("select coalesce(max(number), 0) + 1 from classification_scheme_version")
    Mono<Integer> nextNumber();
}
