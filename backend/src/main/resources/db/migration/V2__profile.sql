-- A user's own settings (UI language), per tenant.

create table user_preference (
  tenant_id  uuid        not null default app_current_tenant() references tenant (id),
  id         uuid        not null,
  subject    text        not null,
  language   text        not null,
  version    bigint      not null,
  updated_at timestamptz not null,
  constraint user_preference_pk primary key (tenant_id, id),
  constraint user_preference_subject_uk unique (tenant_id, subject),
  constraint user_preference_language_ck check (language in ('en', 'ru', 'kk', 'ky', 'fr', 'ar'))
);

select app_isolate_tenant_table('user_preference');

grant select, insert, update on user_preference to ${app_role};
