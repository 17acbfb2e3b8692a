package org.custodia.classification;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface DecisionRepository extends ReactiveCrudRepository<DecisionEntity, UUID> {

    @Query("select * from classification_decision where prisoner_id = :prisonerId order by proposed_at desc, id desc")
    Flux<DecisionEntity> historyOf(UUID prisonerId);

    @Query("select exists (select 1 from classification_decision where prisoner_id = :prisonerId"
            + " and status in (:statuses))")
    Mono<Boolean> anyOf(UUID prisonerId, Collection<String> statuses);

    @Query("select * from classification_decision where status = :status order by submitted_at, id"
            + " limit :limit offset :offset")
    Flux<DecisionEntity> inStatus(String status, int limit, long offset);

    @Query("select count(*) from classification_decision where status = :status")
    Mono<Long> countInStatus(String status);
}
