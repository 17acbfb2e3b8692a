package org.custodia.methodology.instrument;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface InstrumentRepository extends ReactiveCrudRepository<InstrumentEntity, UUID> {

    @Query("select * from instrument where code = :code")
    Mono<InstrumentEntity> findByCode(String code);

    @Query("select * from instrument order by code")
    Flux<InstrumentEntity> findAllByOrderByCode();
}
