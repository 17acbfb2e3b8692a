-- Prisoners of the Kazakhstan demo tenant for the cycle benchmark, numbered BENCH-000001 ... with ids the
-- pgbench scripts can compute from the number (00000000-0000-7000-8000-<n in hex>). Run as the owner.
-- :count is the number of prisoners.
select set_config('app.tenant_id', '01900000-0000-7000-8000-00000000004b', false);

insert into prisoner (id, number, family_name, given_names, date_of_birth, sex, citizenship, facility_id,
                      legal_status, admitted_on, sentence_start, expected_release, sentence_months, life_sentence,
                      court_regime, offences, flags, version, created_at, updated_at)
select ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'BENCH-' || lpad(n::text, 6, '0'),
       'Benchmark', 'Prisoner ' || n,
       date '1970-01-01' + (n % 15000),
       case when n % 10 = 0 then 'F' else 'M' end,
       'KAZ',
       '01900000-0000-7000-8000-0000000f0002',
       'SENTENCED',
       date '2024-01-01' + (n % 600),
       date '2024-01-01' + (n % 600),
       date '2030-01-01' + (n % 900),
       72, false,
       case when n % 3 = 0 then 'medium_security' end,
       case when n % 4 = 0 then '{THEFT}'::text[] else '{ROBBERY,FRAUD}'::text[] end,
       case when n % 20 = 0 then '{VEO}'::text[] else '{}'::text[] end,
       0, now(), now()
from generate_series(1, :count) as n;

analyze prisoner;
