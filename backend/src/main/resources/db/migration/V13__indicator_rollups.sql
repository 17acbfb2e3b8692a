-- Roll-ups for the cross-country indicators (issue 5, ADR 0010): counts per tenant, kept up to date by triggers on
-- the cycle's tables in the transaction of each change, so they are exact the moment it commits. They hold counts
-- and codes only, never a person, a person's id or a date about one person that a reader could tell apart.
--
-- ${indicators_role} is the indicators path's own database role: it may read these tables and nothing else (no
-- tenant-owned table, no registry row beyond code and name). The service's ${app_role} has no right on them: the
-- triggers write them as the owner (security definer), and row-level security still binds those triggers to the
-- tenant of the transaction that fired them.

-- A prisoner's risk level: the overall level of their latest approved assessment that has one. Kept on the row (set by
-- the trigger below when an assessment is approved) so the population can be counted by it without reading the
-- assessments again.
alter table prisoner add column current_risk_level text;

-- The registry as the indicators path sees it: which tenant a row of counts belongs to, by code and name.
create view indicator_tenant as select id, code, display_name, status, time_zone from tenant;

-- Non-released prisoners by current category and risk level ('' when none yet).
create table indicator_population (
  tenant_id  uuid   not null references tenant (id),
  category   text   not null,
  risk_level text   not null,
  people     bigint not null,
  constraint indicator_population_pk primary key (tenant_id, category, risk_level)
);

-- Non-released prisoners by the day their classification review falls due.
create table indicator_review_due (
  tenant_id uuid   not null references tenant (id),
  review_on date   not null,
  people    bigint not null,
  constraint indicator_review_due_pk primary key (tenant_id, review_on)
);

-- Items waiting for a supervisor: SUBMITTED assessments and classification decisions.
create table indicator_pending (
  tenant_id uuid   not null references tenant (id),
  kind      text   not null,
  items     bigint not null,
  constraint indicator_pending_pk primary key (tenant_id, kind),
  constraint indicator_pending_kind_ck check (kind in ('ASSESSMENT', 'CLASSIFICATION'))
);

-- Classification decisions approved, by the month they took effect: how many, how many overridden the proposal, and
-- of those how many to a more severe category (up) or a less severe one (down) in the scheme's severity ranks.
create table indicator_classification_month (
  tenant_id  uuid   not null references tenant (id),
  month      date   not null,
  approved   bigint not null,
  overridden bigint not null,
  up         bigint not null,
  down       bigint not null,
  constraint indicator_classification_month_pk primary key (tenant_id, month),
  constraint indicator_classification_month_ck check (month = date_trunc('month', month))
);

-- First classifications (a prisoner's first approved decision) by month of effect and days since admission: a
-- histogram, from which the median is read for any period.
create table indicator_first_classification (
  tenant_id uuid    not null references tenant (id),
  month     date    not null,
  days      integer not null,
  people    bigint  not null,
  constraint indicator_first_classification_pk primary key (tenant_id, month, days)
);

-- Referrals by programme and status.
create table indicator_referral (
  tenant_id      uuid   not null references tenant (id),
  programme_code text   not null,
  status         text   not null,
  referrals      bigint not null,
  constraint indicator_referral_pk primary key (tenant_id, programme_code, status)
);

-- Each tenant's risk levels with their place on the common scale (a copy of risk_level without the names), so the
-- indicators path can put counts by level on the common scale without reading the methodology.
create table indicator_risk_scale (
  tenant_id    uuid    not null references tenant (id),
  code         text    not null,
  rank         integer not null,
  common_level text    not null,
  constraint indicator_risk_scale_pk primary key (tenant_id, code)
);

-- Adds delta to one counter row, creating it at delta. Locks only that row, for the rest of the transaction.
create function indicator_add(target regclass, key_columns text[], key_values text[], counter text, delta bigint)
  returns void
  language plpgsql
  as $$
declare
  columns text := array_to_string(array(select format('%I', c) from unnest(key_columns) c), ', ');
  values_ text := array_to_string(array(select format('%L', v) from unnest(key_values) v), ', ');
begin
  execute format('insert into %s (%s, %I) values (%s, %s) on conflict (%s) do update set %I = %s.%I + excluded.%I',
                 target, columns, counter, values_, delta, columns, counter, target, counter, counter);
end;
$$;
revoke all on function indicator_add(regclass, text[], text[], text, bigint) from public;

-- The population and review counters follow each prisoner row. Rows are touched in key order (old and new sorted),
-- so two transactions moving people in opposite directions never wait on each other crosswise (no deadlock).
create function indicator_prisoner_changed() returns trigger
  language plpgsql security definer set search_path = public
  as $$
declare
  change record;
begin
  for change in
    select * from (
      select old.tenant_id as tenant_id, coalesce(old.current_category, '') as category,
             coalesce(old.current_risk_level, '') as risk_level, old.next_review_on as review_on, -1 as delta
       where tg_op in ('UPDATE', 'DELETE') and old.legal_status <> 'RELEASED'
      union all
      select new.tenant_id, coalesce(new.current_category, ''), coalesce(new.current_risk_level, ''),
             new.next_review_on, 1
       where tg_op in ('INSERT', 'UPDATE') and new.legal_status <> 'RELEASED') c
    order by category, risk_level, delta
  loop
    perform indicator_add('indicator_population', '{tenant_id,category,risk_level}',
                          array[change.tenant_id::text, change.category, change.risk_level], 'people', change.delta);
  end loop;
  for change in
    select * from (
      select old.tenant_id as tenant_id, old.next_review_on as review_on, -1 as delta
       where tg_op in ('UPDATE', 'DELETE') and old.legal_status <> 'RELEASED' and old.next_review_on is not null
      union all
      select new.tenant_id, new.next_review_on, 1
       where tg_op in ('INSERT', 'UPDATE') and new.legal_status <> 'RELEASED' and new.next_review_on is not null) c
    order by review_on, delta
  loop
    perform indicator_add('indicator_review_due', '{tenant_id,review_on}',
                          array[change.tenant_id::text, change.review_on::text], 'people', change.delta);
  end loop;
  return null;
end;
$$;
revoke all on function indicator_prisoner_changed() from public;

create trigger prisoner_indicators_insert after insert on prisoner
  for each row execute function indicator_prisoner_changed();
create trigger prisoner_indicators_update after update of legal_status, current_category, current_risk_level, next_review_on
  on prisoner for each row
  when (old.legal_status is distinct from new.legal_status or old.current_category is distinct from new.current_category
        or old.current_risk_level is distinct from new.current_risk_level
        or old.next_review_on is distinct from new.next_review_on)
  execute function indicator_prisoner_changed();
create trigger prisoner_indicators_delete after delete on prisoner
  for each row execute function indicator_prisoner_changed();

-- Assessments: the pending counter, and on approval the prisoner's risk level.
create function indicator_assessment_changed() returns trigger
  language plpgsql security definer set search_path = public
  as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'SUBMITTED' then
    perform indicator_add('indicator_pending', '{tenant_id,kind}', array[old.tenant_id::text, 'ASSESSMENT'], 'items', -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'SUBMITTED' then
    perform indicator_add('indicator_pending', '{tenant_id,kind}', array[new.tenant_id::text, 'ASSESSMENT'], 'items', 1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'APPROVED' and new.overall_level is not null
     and (tg_op = 'INSERT' or old.status <> 'APPROVED') then
    update prisoner set current_risk_level = new.overall_level
     where tenant_id = new.tenant_id and id = new.prisoner_id
       and current_risk_level is distinct from new.overall_level;
  end if;
  return null;
end;
$$;
revoke all on function indicator_assessment_changed() from public;

create trigger assessment_indicators_insert after insert on assessment
  for each row execute function indicator_assessment_changed();
create trigger assessment_indicators_update after update of status on assessment
  for each row when (old.status is distinct from new.status) execute function indicator_assessment_changed();
create trigger assessment_indicators_delete after delete on assessment
  for each row execute function indicator_assessment_changed();

-- The severity rank of a category in a scheme version's definition (null when the category is not in it).
create function indicator_category_rank(scheme jsonb, category text) returns integer
  language sql immutable parallel safe
  as $$ select (c ->> 'severityRank')::integer from jsonb_array_elements(scheme -> 'categories') c
         where c ->> 'code' = category limit 1 $$;

-- Classification decisions: the pending counter; on approval the month's counts and, for a prisoner's first approved
-- decision, the days since admission.
create function indicator_decision_changed() returns trigger
  language plpgsql security definer set search_path = public
  as $$
declare
  proposed_rank integer;
  chosen_rank integer;
  admitted date;
  effective_month date;
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'SUBMITTED' then
    perform indicator_add('indicator_pending', '{tenant_id,kind}', array[old.tenant_id::text, 'CLASSIFICATION'], 'items', -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'SUBMITTED' then
    perform indicator_add('indicator_pending', '{tenant_id,kind}', array[new.tenant_id::text, 'CLASSIFICATION'], 'items', 1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'APPROVED' and (tg_op = 'INSERT' or old.status <> 'APPROVED') then
    effective_month := date_trunc('month', new.effective_on)::date;
    select indicator_category_rank(s.definition, new.proposed_category), indicator_category_rank(s.definition, new.category)
      into proposed_rank, chosen_rank
      from classification_scheme_version s where s.tenant_id = new.tenant_id and s.id = new.scheme_version_id;
    insert into indicator_classification_month as m (tenant_id, month, approved, overridden, up, down)
      values (new.tenant_id, effective_month, 1,
              (new.category <> new.proposed_category)::int,
              (new.category <> new.proposed_category and chosen_rank > proposed_rank)::int,
              (new.category <> new.proposed_category and chosen_rank < proposed_rank)::int)
      on conflict (tenant_id, month) do update
        set approved = m.approved + excluded.approved, overridden = m.overridden + excluded.overridden,
            up = m.up + excluded.up, down = m.down + excluded.down;
    if not exists (select 1 from classification_decision d
                    where d.tenant_id = new.tenant_id and d.prisoner_id = new.prisoner_id
                      and d.status = 'APPROVED' and d.id <> new.id) then
      select p.admitted_on into admitted from prisoner p where p.tenant_id = new.tenant_id and p.id = new.prisoner_id;
      perform indicator_add('indicator_first_classification', '{tenant_id,month,days}',
                            array[new.tenant_id::text, effective_month::text, (new.effective_on - admitted)::text], 'people', 1);
    end if;
  end if;
  return null;
end;
$$;
revoke all on function indicator_decision_changed() from public;

create trigger classification_decision_indicators_insert after insert on classification_decision
  for each row execute function indicator_decision_changed();
create trigger classification_decision_indicators_update after update of status on classification_decision
  for each row when (old.status is distinct from new.status) execute function indicator_decision_changed();

-- Referrals by programme and status.
create function indicator_referral_changed() returns trigger
  language plpgsql security definer set search_path = public
  as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform indicator_add('indicator_referral', '{tenant_id,programme_code,status}',
                          array[old.tenant_id::text, old.programme_code, old.status], 'referrals', -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform indicator_add('indicator_referral', '{tenant_id,programme_code,status}',
                          array[new.tenant_id::text, new.programme_code, new.status], 'referrals', 1);
  end if;
  return null;
end;
$$;
revoke all on function indicator_referral_changed() from public;

create trigger referral_indicators_insert after insert on referral
  for each row execute function indicator_referral_changed();
create trigger referral_indicators_update after update of status, programme_code on referral
  for each row when (old.status is distinct from new.status or old.programme_code is distinct from new.programme_code)
  execute function indicator_referral_changed();
create trigger referral_indicators_delete after delete on referral
  for each row execute function indicator_referral_changed();

-- Risk levels are replaced as a list (deleted and inserted): the copy follows row by row.
create function indicator_risk_level_changed() returns trigger
  language plpgsql security definer set search_path = public
  as $$
begin
  if tg_op = 'DELETE' then
    delete from indicator_risk_scale where tenant_id = old.tenant_id and code = old.code;
  else
    insert into indicator_risk_scale (tenant_id, code, rank, common_level)
      values (new.tenant_id, new.code, new.rank, new.common_level)
      on conflict (tenant_id, code) do update set rank = excluded.rank, common_level = excluded.common_level;
  end if;
  return null;
end;
$$;
revoke all on function indicator_risk_level_changed() from public;

create trigger risk_level_indicators after insert or update or delete on risk_level
  for each row execute function indicator_risk_level_changed();

-- Recomputes every roll-up from the cycle's tables, one tenant at a time (row-level security binds the owner too),
-- and each prisoner's risk level. The migration fills the roll-ups with it; a bulk load that switched the triggers off
-- (the scale benchmark's seeding) calls it afterwards. Owner only.
create function indicator_rebuild() returns void
  language plpgsql
  as $$
declare
  t uuid;
begin
  truncate indicator_population, indicator_review_due, indicator_pending, indicator_classification_month,
    indicator_first_classification, indicator_referral, indicator_risk_scale;
  for t in select id from tenant loop
    perform set_config('app.tenant_id', t::text, true);
    alter table prisoner disable trigger prisoner_indicators_update;
    update prisoner p set current_risk_level = latest.overall_level
      from (select distinct on (prisoner_id) prisoner_id, overall_level
              from assessment
             where status = 'APPROVED' and overall_level is not null
             order by prisoner_id, decided_at desc) latest
     where latest.prisoner_id = p.id and p.current_risk_level is distinct from latest.overall_level;
    alter table prisoner enable trigger prisoner_indicators_update;
    insert into indicator_risk_scale (tenant_id, code, rank, common_level)
      select t, code, rank, common_level from risk_level;
    insert into indicator_population (tenant_id, category, risk_level, people)
      select t, coalesce(current_category, ''), coalesce(current_risk_level, ''), count(*)
        from prisoner where legal_status <> 'RELEASED' group by 2, 3;
    insert into indicator_review_due (tenant_id, review_on, people)
      select t, next_review_on, count(*) from prisoner
       where legal_status <> 'RELEASED' and next_review_on is not null group by 2;
    insert into indicator_pending (tenant_id, kind, items)
      select t, 'ASSESSMENT', count(*) from assessment where status = 'SUBMITTED' having count(*) > 0
      union all
      select t, 'CLASSIFICATION', count(*) from classification_decision where status = 'SUBMITTED' having count(*) > 0;
    insert into indicator_classification_month (tenant_id, month, approved, overridden, up, down)
      select t, date_trunc('month', d.effective_on)::date, count(*),
             count(*) filter (where d.category <> d.proposed_category),
             count(*) filter (where d.category <> d.proposed_category
                               and indicator_category_rank(s.definition, d.category)
                                   > indicator_category_rank(s.definition, d.proposed_category)),
             count(*) filter (where d.category <> d.proposed_category
                               and indicator_category_rank(s.definition, d.category)
                                   < indicator_category_rank(s.definition, d.proposed_category))
        from classification_decision d join classification_scheme_version s on s.id = d.scheme_version_id
       where d.status = 'APPROVED' group by 2;
    insert into indicator_first_classification (tenant_id, month, days, people)
      select t, date_trunc('month', first.effective_on)::date, first.effective_on - p.admitted_on, count(*)
        from (select distinct on (prisoner_id) prisoner_id, effective_on from classification_decision
               where status = 'APPROVED' order by prisoner_id, effective_on, decided_at) first
        join prisoner p on p.id = first.prisoner_id
       group by 2, 3;
    insert into indicator_referral (tenant_id, programme_code, status, referrals)
      select t, programme_code, status, count(*) from referral group by 2, 3;
  end loop;
  perform set_config('app.tenant_id', '', true);
end;
$$;
revoke all on function indicator_rebuild() from public;

select indicator_rebuild();


grant select on indicator_tenant, indicator_population, indicator_review_due, indicator_pending,
  indicator_classification_month, indicator_first_classification, indicator_referral, indicator_risk_scale
  to ${indicators_role};
