package org.custodia.methodology.scheme;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface SchemeVersionRepository extends ReactiveCrudRepository<SchemeVersionEntity, UUID> {

    @Query("select * from classification_scheme_version order by number")
    Flux<SchemeVersionEntity> findAllByOrderByNumber();

    @Query("select * from classification_scheme_version where status = :status")
    Mono<SchemeVersionEntity> findByStatus(String status);

    @Query("select coalesce(max(number), 0) + 1 from classification_scheme_version")
    Mono<Integer> nextNumber();
}
