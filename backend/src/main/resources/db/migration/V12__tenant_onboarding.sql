-- Onboarding of country tenants by platform staff: the steps of each onboarding, the platform's own audit log,
-- and the narrow rights the service needs on the registry.
--
-- These are platform data, not tenant-owned: no row belongs to a country's users, no RLS. On purpose no column is
-- called tenant_id (the RLS schema check treats every tenant_id column as tenant-owned); they say "tenant".

-- The country a tenant serves (ISO 3166-1 alpha-2). Nullable so registry rows written without it stay valid.
alter table tenant add column country text;
alter table tenant add constraint tenant_country_ck check (country ~ '^[A-Z]{2}$');
update tenant set country = code where code in ('KZ', 'KG');

-- The service registers a tenant (PROVISIONING) and moves it between statuses; it changes nothing else.
grant insert on tenant to ${app_role};
grant update (status, updated_at, version) on tenant to ${app_role};

-- One onboarding per tenant: who the first administrator is and where the methodology comes from, so that a
-- retry needs nothing from the client. The first administrator's password is never stored.
create table tenant_provisioning (
  tenant             uuid        not null references tenant (id),
  admin_username     text        not null,
  admin_email        text        not null,
  methodology_source uuid        references tenant (id),
  requested_by       text        not null,
  requested_at       timestamptz not null,
  -- A run holds the onboarding until this time, so two retries never run the steps side by side.
  running_until      timestamptz,
  constraint tenant_provisioning_pk primary key (tenant),
  constraint tenant_provisioning_admin_username_ck check (admin_username ~ '^[a-z0-9][a-z0-9._-]{1,62}$')
);
grant select, insert, update on tenant_provisioning to ${app_role};

-- Each step's state, in order: the failed step and its error code are what the platform admin sees and retries.
create table tenant_provisioning_step (
  tenant      uuid        not null references tenant_provisioning (tenant),
  step        text        not null,
  ordinal     integer     not null,
  status      text        not null,
  error_code  text,
  attempts    integer     not null default 0,
  updated_at  timestamptz not null,
  constraint tenant_provisioning_step_pk primary key (tenant, step),
  constraint tenant_provisioning_step_step_ck
    check (step in ('REGISTRY', 'REALM', 'FIRST_ADMIN', 'METHODOLOGY', 'ACTIVATION')),
  constraint tenant_provisioning_step_status_ck check (status in ('PENDING', 'DONE', 'FAILED')),
  constraint tenant_provisioning_step_error_ck check ((status = 'FAILED') = (error_code is not null))
);
grant select, insert, update on tenant_provisioning_step to ${app_role};

-- What platform staff did to tenants (onboarded, retried, suspended, reactivated). A country's own audit trail is
-- tenant-scoped and hash-chained under RLS; platform actions belong to no country, so they are kept here,
-- append-only for the service, and read by PLATFORM_ADMIN through the tenant's detail.
create table platform_audit (
  id          uuid        not null,
  at          timestamptz not null,
  actor       text        not null,
  action      text        not null,
  tenant      uuid        not null references tenant (id),
  detail      jsonb       not null,
  constraint platform_audit_pk primary key (id),
  constraint platform_audit_action_ck check (action ~ '^[A-Z][A-Z_]{1,62}$')
);
create index platform_audit_tenant_idx on platform_audit (tenant, at);
grant select, insert on platform_audit to ${app_role};

-- Copies the published methodology of one tenant into another, as new rows (never links): risk levels, offences,
-- programmes, cycle settings, instruments with their PUBLISHED versions, and the scheme in force. It runs with the
-- caller's rights (not security definer), so RLS still applies: it reads under the source tenant, then writes
-- under the target, switching app.tenant_id inside the caller's transaction and leaving it on the target.
create function app_copy_methodology(source uuid, target uuid) returns void
  language plpgsql
  as $$
declare
  levels      risk_level[];
  offences    offence[];
  programmes  programme[];
  lists       methodology_list[];
  settings    cycle_setting[];
  instruments instrument[];
  versions    instrument_version[];
  schemes     classification_scheme_version[];
  new_ids     jsonb;
begin
  perform set_config('app.tenant_id', source::text, true);
  select coalesce(array_agg(r), '{}') into levels from risk_level r;
  select coalesce(array_agg(r), '{}') into offences from offence r;
  select coalesce(array_agg(r), '{}') into programmes from programme r;
  select coalesce(array_agg(r), '{}') into lists from methodology_list r;
  select coalesce(array_agg(r), '{}') into settings from cycle_setting r;
  select coalesce(array_agg(v), '{}') into versions from instrument_version v where v.status = 'PUBLISHED';
  select coalesce(array_agg(i), '{}') into instruments from instrument i
    where exists (select 1 from unnest(versions) v where v.instrument_id = i.id);
  select coalesce(array_agg(s), '{}') into schemes from classification_scheme_version s where s.status = 'PUBLISHED';

  perform set_config('app.tenant_id', target::text, true);
  insert into risk_level (tenant_id, code, rank, name, common_level)
    select target, code, rank, name, common_level from unnest(levels);
  insert into offence (tenant_id, code, rank, name, gravity)
    select target, code, rank, name, gravity from unnest(offences);
  insert into programme (tenant_id, code, rank, name, needs, eligibility)
    select target, code, rank, name, needs, eligibility from unnest(programmes);
  insert into methodology_list (tenant_id, kind, version, updated_at)
    select target, kind, 1, now() from unnest(lists);
  insert into cycle_setting (tenant_id, pre_release_months, version, updated_at)
    select target, pre_release_months, 1, now() from unnest(settings);

  -- New ids for the copies (old instrument id -> new one); the definitions name instruments by code, never by id.
  select coalesce(jsonb_object_agg(i.id, gen_random_uuid()), '{}') into new_ids from unnest(instruments) i;
  insert into instrument (tenant_id, id, code, kind, name, description, version, created_at)
    select target, (new_ids ->> i.id::text)::uuid, i.code, i.kind, i.name, i.description, 1, now()
      from unnest(instruments) i;
  insert into instrument_version
      (tenant_id, id, instrument_id, number, status, definition, version, created_at, published_at, published_by)
    select target, gen_random_uuid(), (new_ids ->> v.instrument_id::text)::uuid, v.number, 'PUBLISHED',
           v.definition, 1, now(), v.published_at, v.published_by
      from unnest(versions) v;
  insert into classification_scheme_version
      (tenant_id, id, number, status, definition, version, created_at, published_at, published_by)
    select target, gen_random_uuid(), s.number, 'PUBLISHED', s.definition, 1, now(), s.published_at, s.published_by
      from unnest(schemes) s;
end;
$$;

revoke all on function app_copy_methodology(uuid, uuid) from public;
grant execute on function app_copy_methodology(uuid, uuid) to ${app_role};
