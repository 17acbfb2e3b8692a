-- Methodology as data, per tenant: the risk scale, and instruments with versioned definitions.

-- Lists a country edits as a whole (risk levels, offences, programmes) carry one version per list, so
-- that two administrators editing the same list cannot overwrite each other (optimistic locking).
create table methodology_list (
  tenant_id  uuid        not null default app_current_tenant() references tenant (id),
  kind       text        not null,
  version    bigint      not null,
  updated_at timestamptz not null,
  constraint methodology_list_pk primary key (tenant_id, kind),
  constraint methodology_list_kind_ck check (kind in ('RISK_LEVELS', 'OFFENCES', 'PROGRAMMES'))
);
select app_isolate_tenant_table('methodology_list');
grant select, insert, update on methodology_list to ${app_role};

-- The tenant's ordered risk levels, each mapped to the common scale used to compare countries.
create table risk_level (
  tenant_id    uuid    not null default app_current_tenant() references tenant (id),
  code         text    not null,
  rank         integer not null,
  name         jsonb   not null,
  common_level text    not null,
  constraint risk_level_pk primary key (tenant_id, code),
  constraint risk_level_rank_uk unique (tenant_id, rank),
  constraint risk_level_code_ck check (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
  constraint risk_level_common_level_ck check (common_level in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'))
);
select app_isolate_tenant_table('risk_level');
grant select, insert, delete on risk_level to ${app_role};

create table instrument (
  tenant_id   uuid        not null default app_current_tenant() references tenant (id),
  id          uuid        not null,
  code        text        not null,
  kind        text        not null,
  name        jsonb       not null,
  description jsonb       not null,
  version     bigint      not null,
  created_at  timestamptz not null,
  constraint instrument_pk primary key (tenant_id, id),
  constraint instrument_code_uk unique (tenant_id, code),
  constraint instrument_code_ck check (code ~ '^[a-z][a-z0-9_-]{0,62}$'),
  constraint instrument_kind_ck check (kind in ('ACTUARIAL', 'NEEDS', 'SPJ', 'SCREENING'))
);
select app_isolate_tenant_table('instrument');
grant select, insert, update on instrument to ${app_role};

create table instrument_version (
  tenant_id     uuid        not null default app_current_tenant(),
  id            uuid        not null,
  instrument_id uuid        not null,
  number        integer     not null,
  status        text        not null,
  definition    jsonb       not null,
  version       bigint      not null,
  created_at    timestamptz not null,
  published_at  timestamptz,
  published_by  text,
  retired_at    timestamptz,
  constraint instrument_version_pk primary key (tenant_id, id),
  constraint instrument_version_number_uk unique (tenant_id, instrument_id, number),
  constraint instrument_version_instrument_fk foreign key (tenant_id, instrument_id)
    references instrument (tenant_id, id),
  constraint instrument_version_status_ck check (status in ('DRAFT', 'PUBLISHED', 'RETIRED'))
);
select app_isolate_tenant_table('instrument_version');
grant select, insert, update on instrument_version to ${app_role};

-- One draft per instrument at a time: a second would make "the next version" ambiguous.
create unique index instrument_version_one_draft_uk on instrument_version (tenant_id, instrument_id)
  where status = 'DRAFT';

-- A published definition never changes, whatever the application does: assessments are pinned to it.
create function instrument_version_guard() returns trigger
  language plpgsql
  as $$
begin
  if old.status <> 'DRAFT' and new.definition is distinct from old.definition then
    raise exception 'instrument version % is %, its definition cannot change', old.id, old.status
      using errcode = 'check_violation';
  end if;
  if not ((old.status = new.status)
       or (old.status = 'DRAFT' and new.status = 'PUBLISHED')
       or (old.status = 'PUBLISHED' and new.status = 'RETIRED')) then
    raise exception 'instrument version % cannot go from % to %', old.id, old.status, new.status
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;

create trigger instrument_version_guard before update on instrument_version
  for each row execute function instrument_version_guard();
