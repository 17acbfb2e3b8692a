-- The scale of the indicators benchmark (issue 5): 8 countries (the 2 demo tenants and 6 synthetic ones with a copy of
-- Kazakhstan's methodology and facilities), :prisoners prisoners each, :assessments assessments and 2 classification
-- decisions per prisoner, a referral for one in four. With the defaults (125000, 10): 1 million prisoners, 10 million
-- assessments, 2 million decisions. Run as the superuser on the benchmark database only: it bypasses row-level
-- security to write every country at once, and session_replication_role = replica skips triggers and foreign-key
-- checks for speed. The roll-ups are then rebuilt once (indicator_rebuild(), as the owner).
\set ON_ERROR_STOP on
set session_replication_role = replica;

create temporary table bench_country (idx integer, id uuid, facility uuid, categories text[], levels text[]);
insert into bench_country values
  (1, '01900000-0000-7000-8000-00000000004b', '01900000-0000-7000-8000-0000000f0001',
   '{minimum_security,medium_security,maximum_security}', '{LOW,MEDIUM,HIGH,VERY_HIGH}'),
  (2, '01900000-0000-7000-8000-00000000004c', '01900000-0000-7000-8000-0000000f0101',
   '{general_regime,strict_regime,special_regime}', '{LOW,MODERATE,HIGH,VERY_HIGH}');
insert into bench_country
  select 2 + n, ('01900000-0000-7000-8000-0000000001' || lpad(to_hex(n), 2, '0'))::uuid,
         '01900000-0000-7000-8000-0000000f0001', '{minimum_security,medium_security,maximum_security}',
         '{LOW,MEDIUM,HIGH,VERY_HIGH}'
    from generate_series(1, 6) n;

insert into tenant (id, code, realm, status, display_name, default_language, time_zone)
  select id, 'BENCH' || chr(62 + idx), 'bench-' || chr(94 + idx), 'ACTIVE',
         jsonb_build_object('en', 'Bench country ' || chr(62 + idx)), 'en', 'UTC'
    from bench_country where idx > 2;

-- Kazakhstan's methodology and facilities, copied into each synthetic country (same ids, other tenant).
\set kz '''01900000-0000-7000-8000-00000000004b'''
insert into methodology_list (tenant_id, kind, version, updated_at)
  select c.id, l.kind, l.version, l.updated_at from methodology_list l, bench_country c where l.tenant_id = :kz and c.idx > 2;
insert into risk_level (tenant_id, code, rank, name, common_level)
  select c.id, r.code, r.rank, r.name, r.common_level from risk_level r, bench_country c where r.tenant_id = :kz and c.idx > 2;
insert into instrument (tenant_id, id, code, kind, name, description, version, created_at)
  select c.id, i.id, i.code, i.kind, i.name, i.description, i.version, i.created_at
    from instrument i, bench_country c where i.tenant_id = :kz and c.idx > 2;
insert into instrument_version (tenant_id, id, instrument_id, number, status, definition, version, created_at,
                                published_at, published_by, retired_at)
  select c.id, v.id, v.instrument_id, v.number, v.status, v.definition, v.version, v.created_at, v.published_at,
         v.published_by, v.retired_at
    from instrument_version v, bench_country c where v.tenant_id = :kz and c.idx > 2;
insert into classification_scheme_version (tenant_id, id, number, status, definition, version, created_at, published_at,
                                           published_by, retired_at)
  select c.id, s.id, s.number, s.status, s.definition, s.version, s.created_at, s.published_at, s.published_by,
         s.retired_at
    from classification_scheme_version s, bench_country c where s.tenant_id = :kz and c.idx > 2;
insert into facility (tenant_id, id, code, name, categories, capacity, version, created_at, updated_at)
  select c.id, f.id, f.code, f.name, f.categories, f.capacity, f.version, f.created_at, f.updated_at
    from facility f, bench_country c where f.tenant_id = :kz and c.idx > 2;

-- Each country's published custody rating and scheme.
create temporary table bench_methodology as
  select c.*, v.id as instrument_version_id, s.id as scheme_version_id
    from bench_country c
    join instrument i on i.tenant_id = c.id and i.code = 'custody_rating'
    join instrument_version v on v.tenant_id = c.id and v.instrument_id = i.id and v.status = 'PUBLISHED'
    join classification_scheme_version s on s.tenant_id = c.id and s.status = 'PUBLISHED';

-- Ids the seed can compute: 00000000-0000-7000-8<country>-<prisoner n, then the row's own number>.
create function pg_temp.bench_id(country integer, n bigint) returns uuid language sql immutable
  as $$ select ('00000000-0000-7000-8' || lpad(to_hex(country), 3, '0') || '-' || lpad(to_hex(n), 12, '0'))::uuid $$;

\echo prisoners
insert into prisoner (tenant_id, id, number, family_name, given_names, date_of_birth, sex, citizenship, facility_id,
                      legal_status, admitted_on, current_category, next_review_on, version, created_at, updated_at)
  select c.id, pg_temp.bench_id(c.idx, n), 'SCALE-' || n, 'Scale', 'Prisoner', date '1970-01-01' + (n % 15000)::int,
         'M', 'KAZ', c.facility, case when n % 20 = 0 then 'RELEASED' else 'SENTENCED' end,
         date '2020-01-01' + (n % 2000)::int, c.categories[1 + n % 3], date '2026-06-01' + (n % 365)::int,
         0, now(), now()
    from bench_methodology c, generate_series(1, :prisoners) n;

\echo assessments
insert into assessment (tenant_id, id, prisoner_id, instrument_version_id, instrument_code, status, result,
                        overall_level, version, started_by, started_by_name, started_at, submitted_by,
                        submitted_by_name, submitted_at, decided_by, decided_by_name, decided_at, updated_at)
  select c.id, pg_temp.bench_id(c.idx, (n * 16 + k) + 1000000000), pg_temp.bench_id(c.idx, n),
         c.instrument_version_id, 'custody_rating',
         case when k = :assessments and n % 100 = 0 then 'SUBMITTED' else 'APPROVED' end,
         '{}', c.levels[1 + (n + k) % 4], 0, 'bench-a', 'bench.a', t, 'bench-a', 'bench.a', t,
         case when k = :assessments and n % 100 = 0 then null else 'bench-s' end,
         case when k = :assessments and n % 100 = 0 then null else 'bench.s' end,
         case when k = :assessments and n % 100 = 0 then null else t end, t
    from bench_methodology c, generate_series(1, :prisoners) n, generate_series(1, :assessments) k,
         lateral (select timestamptz '2021-01-01' + (n % 1000) * interval '1 day' + k * interval '20 days' as t) at;

\echo decisions
insert into classification_decision (tenant_id, id, prisoner_id, scheme_version_id, status, facts, trace,
                                     proposed_category, category, override_reason, override_narrative, version,
                                     proposed_by, proposed_by_name, proposed_at, submitted_by, submitted_at,
                                     decided_by, decided_by_name, decided_at, effective_on, next_review_on, updated_at)
  select c.id, pg_temp.bench_id(c.idx, (n * 4 + k) + 2000000000), pg_temp.bench_id(c.idx, n), c.scheme_version_id,
         case when k = 2 and n % 200 = 0 then 'SUBMITTED' else 'APPROVED' end, '{}', '[]',
         c.categories[1 + (n + 1) % 3], c.categories[1 + (n + case when n % 7 = 0 then k else 1 end) % 3],
         case when n % 7 = 0 and k <> 1 then 'OTHER' end, case when n % 7 = 0 and k <> 1 then 'Scale.' end, 0,
         'bench-a', 'bench.a', on_day, 'bench-a', on_day,
         case when k = 2 and n % 200 = 0 then null else 'bench-s' end,
         case when k = 2 and n % 200 = 0 then null else 'bench.s' end,
         case when k = 2 and n % 200 = 0 then null else on_day end,
         case when k = 2 and n % 200 = 0 then null else on_day::date end,
         case when k = 2 and n % 200 = 0 then null else on_day::date + 365 end, on_day
    from bench_methodology c, generate_series(1, :prisoners) n, generate_series(1, 2) k,
         lateral (select case when k = 1 then date '2020-01-01' + (n % 2000)::int + (n % 90)::int
                              else date '2025-12-01' + (n % 360)::int end::timestamptz as on_day) d;

\echo referrals
insert into referral (tenant_id, id, prisoner_id, programme_code, need, assessment_id, status, reason, version,
                      created_at, updated_by, updated_by_name, updated_at)
  select c.id, pg_temp.bench_id(c.idx, n + 3000000000), pg_temp.bench_id(c.idx, n), 'SCALE_P' || (n % 5), 'scale',
         pg_temp.bench_id(c.idx, (n * 16 + 1) + 1000000000),
         (array['PROPOSED', 'REFERRED', 'STARTED', 'COMPLETED', 'DROPPED'])[1 + (n / 4) % 5], null, 0, now(),
         'bench-a', 'bench.a', now()
    from bench_methodology c, generate_series(4, :prisoners, 4) n;

set session_replication_role = origin;
\echo analyze
analyze;
