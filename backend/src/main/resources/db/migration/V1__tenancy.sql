-- The tenant registry and the row-level security helpers every tenant-owned table uses.
-- Runs as the owner role. ${app_role} is the service's role: it owns nothing and cannot bypass RLS.

create table tenant (
  id               uuid        not null,
  code             text        not null,
  realm            text        not null,
  status           text        not null,
  display_name     jsonb       not null,
  default_language text        not null,
  time_zone        text        not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  version          bigint      not null default 0,
  constraint tenant_pk primary key (id),
  constraint tenant_code_uk unique (code),
  constraint tenant_realm_uk unique (realm),
  constraint tenant_code_ck check (code ~ '^[A-Z]{2,8}$'),
  constraint tenant_realm_ck check (realm ~ '^[a-z][a-z0-9-]{1,62}$' and realm <> 'platform'),
  constraint tenant_status_ck check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
  constraint tenant_default_language_ck check (default_language in ('en', 'ru', 'kk', 'ky', 'fr', 'ar')),
  constraint tenant_display_name_ck check (jsonb_typeof(display_name) = 'object' and display_name ? 'en')
);

comment on table tenant is 'Registry of country tenants. Platform data: not tenant-owned, no RLS.';

-- The registry is read on every request (issuer -> tenant); the service may read it, not change it.
grant select on tenant to ${app_role};

-- The tenant of the current transaction, set by the service's transaction manager with
-- set_config('app.tenant_id', ..., true). Empty or unset means "no tenant": policies then match nothing.
create function app_current_tenant() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Makes a table tenant-owned: RLS enabled and forced (the owner is bound too), one policy for reads and
-- writes. The function call sits in a sub-select so PostgreSQL evaluates it once per statement (an InitPlan),
-- not once per row. Call it in the migration that creates the table.
create function app_isolate_tenant_table(table_name regclass) returns void
  language plpgsql
  as $$
begin
  execute format('alter table %s enable row level security', table_name);
  execute format('alter table %s force row level security', table_name);
  execute format(
    'create policy tenant_isolation on %s
       using (tenant_id = (select app_current_tenant()))
       with check (tenant_id = (select app_current_tenant()))',
    table_name);
end;
$$;

revoke all on function app_isolate_tenant_table(regclass) from public;

-- Demo tenants (their realms ship in keycloak/realms). A production installation suspends or removes them.
insert into tenant (id, code, realm, status, display_name, default_language, time_zone) values
  ('01900000-0000-7000-8000-00000000004b', 'KZ', 'kz', 'ACTIVE',
   '{"en": "Kazakhstan", "ru": "Казахстан", "kk": "Қазақстан", "ky": "Казакстан", "fr": "Kazakhstan", "ar": "كازاخستان"}',
   'kk', 'Asia/Almaty'),
  ('01900000-0000-7000-8000-00000000004c', 'KG', 'kg', 'ACTIVE',
   '{"en": "Kyrgyzstan", "ru": "Кыргызстан", "kk": "Қырғызстан", "ky": "Кыргызстан", "fr": "Kirghizistan", "ar": "قيرغيزستان"}',
   'ky', 'Asia/Bishkek');
