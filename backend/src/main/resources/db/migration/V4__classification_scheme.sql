-- The classification scheme: one versioned document per tenant (categories, rules, constraints).
-- The newest PUBLISHED version is the one in force; publishing a newer one retires it.

create table classification_scheme_version (
  tenant_id    uuid        not null default app_current_tenant() references tenant (id),
  id           uuid        not null,
  number       integer     not null,
  status       text        not null,
  definition   jsonb       not null,
  version      bigint      not null,
  created_at   timestamptz not null,
  published_at timestamptz,
  published_by text,
  retired_at   timestamptz,
  constraint classification_scheme_version_pk primary key (tenant_id, id),
  constraint classification_scheme_version_number_uk unique (tenant_id, number),
  constraint classification_scheme_version_status_ck check (status in ('DRAFT', 'PUBLISHED', 'RETIRED'))
);
select app_isolate_tenant_table('classification_scheme_version');
grant select, insert, update on classification_scheme_version to ${app_role};

create unique index classification_scheme_version_one_draft_uk on classification_scheme_version (tenant_id)
  where status = 'DRAFT';
create unique index classification_scheme_version_one_in_force_uk on classification_scheme_version (tenant_id)
  where status = 'PUBLISHED';

-- Instruments and schemes share one lifecycle: the same guard keeps published definitions frozen.
create trigger classification_scheme_version_guard before update on classification_scheme_version
  for each row execute function instrument_version_guard();
