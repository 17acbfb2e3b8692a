-- pgbench: the SQL of one case-file read (GET /api/prisoners/{id}/case-file), statement for statement as the
-- service sends it, in one transaction: the tenant setting, the prisoner, the facility, the classification
-- decisions, the assessments, the review triggers, the referrals, and the audit entry, which the database seals
-- into the tenant's chain at commit (the same trigger as for the service).
\set n random(1, :count)
begin;
select set_config('app.tenant_id', :tenant, true);
select p.*, (p.current_category is not null and not (p.current_category = any(f.categories))) as transfer_needed
  from prisoner p join facility f on f.id = p.facility_id
 where p.id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid;
select f.id, f.code, f.name, f.categories, f.capacity, f.version, null::bigint as population
  from facility f where f.id = '01900000-0000-7000-8000-0000000f0002';
select * from classification_decision
 where prisoner_id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid
 order by proposed_at desc, id desc;
select id, instrument_version_id, instrument_code, status, overall_level, version, started_at, submitted_at, decided_at
  from assessment where prisoner_id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid
 order by started_at desc, id desc;
select * from review_trigger
 where prisoner_id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid
 order by recorded_at desc, id desc;
select * from referral
 where prisoner_id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid
 order by created_at, id;
insert into audit_entry (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id,
                         request_id, before, after)
values (gen_random_uuid(), now(), 'bench', 'bench', 'CASE_FILE_VIEWED', 'PRISONER',
        ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid, 'bench', null, null);
end;
