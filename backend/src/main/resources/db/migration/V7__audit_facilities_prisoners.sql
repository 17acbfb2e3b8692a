-- The audit trail, the country's facilities and its prisoner register: the ground the assessment and
-- classification cycle stands on.

-- Append-only, hash-chained per tenant. Each entry holds the hash of the one before it, so a changed,
-- removed or reordered entry breaks the chain at that point. The service may add entries and read them,
-- never change or remove one (no UPDATE or DELETE grant); only the schema owner could, and the chain shows it.
create table audit_entry (
  tenant_id     uuid        not null default app_current_tenant() references tenant (id),
  seq           bigint      not null,
  id            uuid        not null,
  occurred_at   timestamptz not null,
  actor_subject text        not null,
  actor_name    text        not null,
  action        text        not null,
  entity_type   text        not null,
  entity_id     uuid,
  request_id    text,
  -- json, not jsonb: the text is kept byte for byte, so the hash of what was written can be recomputed.
  before        json,
  after         json,
  previous_hash bytea       not null,
  hash          bytea       not null,
  constraint audit_entry_pk primary key (tenant_id, seq),
  constraint audit_entry_id_uk unique (tenant_id, id),
  constraint audit_entry_seq_ck check (seq > 0),
  constraint audit_entry_action_ck check (action ~ '^[A-Z][A-Z0-9_]{0,62}$')
);
create index audit_entry_entity_ix on audit_entry (tenant_id, entity_id, seq);
select app_isolate_tenant_table('audit_entry');
grant select, insert on audit_entry to ${app_role};

-- The end of each tenant's chain. Appending locks this row, so entries of one tenant are numbered and
-- chained one after the other while other tenants append in parallel.
create table audit_chain_head (
  tenant_id uuid   not null default app_current_tenant() references tenant (id),
  seq       bigint not null,
  hash      bytea  not null,
  constraint audit_chain_head_pk primary key (tenant_id)
);
select app_isolate_tenant_table('audit_chain_head');
grant select, insert, update on audit_chain_head to ${app_role};

-- The country's institutions, the legal categories each may hold, and how many people it can hold.
create table facility (
  tenant_id  uuid        not null default app_current_tenant() references tenant (id),
  id         uuid        not null,
  code       text        not null,
  name       jsonb       not null,
  categories text[]      not null,
  capacity   integer     not null,
  version    bigint      not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  constraint facility_pk primary key (tenant_id, id),
  constraint facility_code_uk unique (tenant_id, code),
  constraint facility_code_ck check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  constraint facility_capacity_ck check (capacity >= 0)
);
select app_isolate_tenant_table('facility');
grant select, insert, update on facility to ${app_role};

create extension if not exists pg_trgm;

-- The prisoner register. The current classification and the next review date are kept on the row (set when
-- a decision is approved or a review is triggered) so the register can be searched by them.
create table prisoner (
  tenant_id           uuid        not null default app_current_tenant() references tenant (id),
  id                  uuid        not null,
  number              text        not null,
  family_name         text        not null,
  given_names         text        not null,
  date_of_birth       date        not null,
  sex                 text        not null,
  citizenship         text        not null,
  facility_id         uuid        not null,
  legal_status        text        not null,
  admitted_on         date        not null,
  sentence_start      date,
  expected_release    date,
  sentence_months     integer,
  life_sentence       boolean     not null default false,
  court_regime        text,
  offences            text[]      not null default '{}',
  flags               text[]      not null default '{}',
  current_category    text,
  current_decision_id uuid,
  next_review_on      date,
  version             bigint      not null,
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  constraint prisoner_pk primary key (tenant_id, id),
  constraint prisoner_number_uk unique (tenant_id, number),
  constraint prisoner_facility_fk foreign key (tenant_id, facility_id) references facility (tenant_id, id),
  constraint prisoner_sex_ck check (sex in ('M', 'F')),
  constraint prisoner_citizenship_ck check (citizenship ~ '^[A-Z]{3}$'),
  constraint prisoner_legal_status_ck check (legal_status in ('REMAND', 'SENTENCED', 'RELEASED')),
  constraint prisoner_sentence_months_ck check (sentence_months is null or sentence_months >= 0)
);
create index prisoner_facility_ix on prisoner (tenant_id, facility_id, family_name, id);
create index prisoner_category_ix on prisoner (tenant_id, current_category);
create index prisoner_review_ix on prisoner (tenant_id, next_review_on);
create index prisoner_name_trgm_ix on prisoner using gin ((family_name || ' ' || given_names) gin_trgm_ops);
select app_isolate_tenant_table('prisoner');
grant select, insert, update on prisoner to ${app_role};
