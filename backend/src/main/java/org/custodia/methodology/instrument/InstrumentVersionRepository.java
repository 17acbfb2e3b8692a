package org.custodia.methodology.instrument;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface InstrumentVersionRepository extends ReactiveCrudRepository<InstrumentVersionEntity, UUID> {

    @Query("select * from instrument_version where instrument_id = :instrumentId order by number")
    Flux<InstrumentVersionEntity> findByInstrumentIdOrderByNumber(UUID instrumentId);

    @Query("select coalesce(max(number), 0) + 1 from instrument_version where instrument_id = :instrumentId")
    Mono<Integer> nextNumber(UUID instrumentId);
}
