-- pgbench: the SQL of one case-file read (GET /api/prisoners/{id}/case-file), statement for statement as the
-- service sends it (captured with log_statement = all), in one transaction: the tenant setting, the prisoner with
-- the facility, assessments, review triggers and referrals as JSON sub-selects, the classification decisions, and
-- the audit entry, which the database seals into the tenant's chain at commit (the same trigger as for the service).
\set n random(1, :count)
begin;
select set_config('app.tenant_id', :tenant, true);
select p.*, (p.current_category is not null and not (p.current_category = any(f.categories))) as transfer_needed,
       to_json(f) as facility,
       (select coalesce(json_agg(a order by a.started_at desc, a.id desc), '[]')
          from (select id, instrument_version_id, instrument_code, status, overall_level, version, started_at,
                       submitted_at, decided_at from assessment where prisoner_id = p.id) a) as assessments,
       (select coalesce(json_agg(t order by t.recorded_at desc, t.id desc), '[]')
          from review_trigger t where t.prisoner_id = p.id) as review_triggers,
       (select coalesce(json_agg(r order by r.created_at, r.id), '[]') from referral r where r.prisoner_id = p.id) as referrals
  from prisoner p join facility f on f.id = p.facility_id
 where p.id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid;
select * from classification_decision
 where prisoner_id = ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid
 order by proposed_at desc, id desc;
insert into audit_entry (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id,
                         request_id, before, after)
values (gen_random_uuid(), now(), 'bench', 'bench', 'CASE_FILE_VIEWED', 'PRISONER',
        ('00000000-0000-7000-8000-' || lpad(to_hex(cast(:n as bigint)), 12, '0'))::uuid, 'bench', null, null);
end;
