-- pgbench: the SQL of one assessment submission as the service sends it (captured with log_statement = all),
-- three transactions like the three requests: start (POST /api/assessments), save the answers (PATCH) and
-- submit with an idempotency key (POST .../submission), each with its audit entry (sealed at commit). The scoring itself is
-- Java work with no SQL; :result is a real stored result the script captured from the service.
\set n random(1, :count)
-- start
begin;
select set_config('app.tenant_id', :tenant, true);
select p.*, (p.current_category is not null and not (p.current_category = any(f.categories))) as transfer_needed
  from prisoner p join facility f on f.id = p.facility_id
 where p.id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid;
select v.status, v.version, i.code, array(select code from risk_level order by rank) as levels
  from instrument_version v join instrument i on i.id = v.instrument_id where v.id = :version;
select gen_random_uuid() as assessment \gset
insert into assessment (id, prisoner_id, instrument_version_id, instrument_code, status, answers, version, started_by,
                        started_by_name, started_at, updated_at)
values (:assessment, ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid, :version, 'custody_rating',
        'DRAFT', '{}', 0, 'bench', 'bench', now(), now());
insert into audit_entry (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id,
                         request_id, before, after)
values (gen_random_uuid(), now(), 'bench', 'bench', 'ASSESSMENT_STARTED', 'ASSESSMENT', :assessment, 'bench',
        null, cast(:answers as json));
end;
-- save the answers
begin;
select set_config('app.tenant_id', :tenant, true);
select * from assessment where id = :assessment;
select v.status, v.version, i.code, array(select code from risk_level order by rank) as levels
  from instrument_version v join instrument i on i.id = v.instrument_id where v.id = :version;
update assessment set answers = :answers, judgement = null, version = version + 1, updated_at = now()
 where id = :assessment and version = 0 and status in ('DRAFT', 'RETURNED') returning *;
insert into audit_entry (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id,
                         request_id, before, after)
values (gen_random_uuid(), now(), 'bench', 'bench', 'ASSESSMENT_ANSWERED', 'ASSESSMENT', :assessment, 'bench',
        cast(:answers as json), cast(:answers as json));
end;
-- submit
begin;
select set_config('app.tenant_id', :tenant, true);
select pg_advisory_xact_lock(hashtextextended('idempotency/bench/' || cast(:assessment as text), 0));
select operation, target_id, request_hash, response from idempotency_key
 where subject = 'bench' and key = cast(:assessment as text);
select * from assessment where id = :assessment;
select v.status, v.version, i.code, array(select code from risk_level order by rank) as levels
  from instrument_version v join instrument i on i.id = v.instrument_id where v.id = :version;
update assessment set status = 'SUBMITTED', result = :result, overall_level = 'HIGH', submitted_by = 'bench',
       submitted_by_name = 'bench', submitted_at = now(), decided_by = null, decided_by_name = null,
       decided_at = null, decision_comment = null, version = version + 1, updated_at = now()
 where id = :assessment and version = 1 and status in ('DRAFT', 'RETURNED') returning *;
insert into audit_entry (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id,
                         request_id, before, after)
values (gen_random_uuid(), now(), 'bench', 'bench', 'ASSESSMENT_SUBMITTED', 'ASSESSMENT', :assessment, 'bench',
        cast(:answers as json), cast(:result as json));
insert into idempotency_key (subject, key, operation, target_id, request_hash, response, created_at)
values ('bench', :assessment, 'ASSESSMENT_SUBMISSION', :assessment, sha256(convert_to(cast(:assessment as text), 'UTF8')), :result, now());
end;
