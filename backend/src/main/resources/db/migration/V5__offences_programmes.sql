-- Per tenant: the offence code list and the catalogue of rehabilitation programmes.

create table offence (
  tenant_id uuid  not null default app_current_tenant() references tenant (id),
  code      text  not null,
  rank      integer not null,
  name      jsonb not null,
  gravity   text  not null,
  constraint offence_pk primary key (tenant_id, code),
  constraint offence_code_ck check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  constraint offence_gravity_ck check (gravity ~ '^[A-Z][A-Z0-9_]{0,31}$')
);
select app_isolate_tenant_table('offence');
grant select, insert, delete on offence to ${app_role};

create table programme (
  tenant_id   uuid    not null default app_current_tenant() references tenant (id),
  code        text    not null,
  rank        integer not null,
  name        jsonb   not null,
  needs       jsonb   not null,
  eligibility text,
  constraint programme_pk primary key (tenant_id, code),
  constraint programme_code_ck check (code ~ '^[a-z][a-z0-9_]{0,62}$')
);
select app_isolate_tenant_table('programme');
grant select, insert, delete on programme to ${app_role};
