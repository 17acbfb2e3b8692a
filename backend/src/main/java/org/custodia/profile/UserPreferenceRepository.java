package org.custodia.profile;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

interface UserPreferenceRepository extends ReactiveCrudRepository<UserPreferenceEntity, UUID> {

    @Query("select * from user_preference where subject = :subject")
    Mono<UserPreferenceEntity> findBySubject(String subject);
}
