-- The audit trail, the country's facilities and its prisoner register: the ground the assessment and
-- classification cycle stands on.

-- Append-only, hash-chained per tenant (ADR 0008). The service inserts an entry in the transaction of the change
-- it records; at commit a deferred trigger seals it: the next number of the tenant's chain, the hash of the entry
-- before it, and its own hash over every field. A changed, removed or reordered entry then breaks the chain at that
-- point. The service may add entries (not their seal) and read them, never change or remove one: there is no UPDATE
-- or DELETE grant. Only the schema owner could, and the chain shows it.
create table audit_entry (
  tenant_id     uuid        not null default app_current_tenant() references tenant (id),
  id            uuid        not null,
  seq           bigint,
  occurred_at   timestamptz not null,
  actor_subject text        not null,
  actor_name    text        not null,
  action        text        not null,
  entity_type   text        not null,
  entity_id     uuid,
  request_id    text,
  -- json, not jsonb: the text is kept byte for byte, so the seal of what was written can be recomputed.
  before        json,
  after         json,
  previous_hash bytea,
  hash          bytea,
  constraint audit_entry_pk primary key (tenant_id, id),
  constraint audit_entry_seq_uk unique (tenant_id, seq),
  constraint audit_entry_seq_ck check (seq > 0),
  constraint audit_entry_action_ck check (action ~ '^[A-Z][A-Z0-9_]{0,62}$')
);
create index audit_entry_entity_ix on audit_entry (tenant_id, entity_id, seq);
select app_isolate_tenant_table('audit_entry');
grant select on audit_entry to ${app_role};
grant insert (tenant_id, id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id, request_id,
              before, after) on audit_entry to ${app_role};

-- The end of each tenant's chain: its last number and hash. Sealing locks this row for the moment of the commit
-- only, so the entries of one tenant are numbered one after the other while other tenants seal in parallel.
create table audit_chain_head (
  tenant_id uuid   not null default app_current_tenant() references tenant (id),
  seq       bigint not null,
  hash      bytea  not null,
  constraint audit_chain_head_pk primary key (tenant_id)
);
select app_isolate_tenant_table('audit_chain_head');
grant select on audit_chain_head to ${app_role};

-- The bytes an entry's hash covers besides the previous hash: every field, each written with its length first so
-- that no two different entries give the same bytes. Times in UTC to the microsecond, json as written.
create function app_audit_field(value text) returns text
  language sql immutable parallel safe
  as $$ select case when value is null then '-;' else octet_length(value) || ':' || value || ';' end $$;

create function app_audit_payload(e audit_entry) returns bytea
  language sql stable parallel safe
  as $$
    select convert_to(
      app_audit_field(e.tenant_id::text) || app_audit_field(e.seq::text) || app_audit_field(e.id::text)
      || app_audit_field(to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      || app_audit_field(e.actor_subject) || app_audit_field(e.actor_name) || app_audit_field(e.action)
      || app_audit_field(e.entity_type) || app_audit_field(e.entity_id::text) || app_audit_field(e.request_id)
      || app_audit_field(e.before::text) || app_audit_field(e.after::text),
      'UTF8')
  $$;

-- Seals a new entry at commit. Runs as the owner (security definer), because the service may not write the seal
-- columns; row-level security still binds it to the transaction's tenant.
create function app_audit_seal() returns trigger
  language plpgsql security definer set search_path = public
  as $$
declare
  next_seq bigint;
  previous bytea;
  sealed bytea;
begin
  insert into audit_chain_head (tenant_id, seq, hash) values (new.tenant_id, 0, decode(repeat('00', 32), 'hex'))
    on conflict (tenant_id) do nothing;
  update audit_chain_head set seq = seq + 1 where tenant_id = new.tenant_id returning seq, hash
    into next_seq, previous;
  new.seq := next_seq;
  sealed := sha256(previous || app_audit_payload(new));
  update audit_entry set seq = next_seq, previous_hash = previous, hash = sealed
   where tenant_id = new.tenant_id and id = new.id;
  update audit_chain_head set hash = sealed where tenant_id = new.tenant_id;
  return null;
end;
$$;
revoke all on function app_audit_seal() from public;

create constraint trigger audit_entry_seal after insert on audit_entry
  deferrable initially deferred for each row execute function app_audit_seal();

-- Recomputes the current tenant's chain from its first entry and names the first broken link: a missing entry, an
-- entry that does not point to the one before, an entry whose content no longer matches its seal, or entries cut
-- from the end (the head records more than are present). Runs as the caller: it reads what the caller may read.
create function app_audit_verify(out checked bigint, out broken_seq bigint, out broken_id uuid, out reason text)
  language plpgsql stable
  as $$
declare
  e audit_entry;
  expected bigint := 1;
  previous bytea := decode(repeat('00', 32), 'hex');
  head_seq bigint;
  head_hash bytea;
begin
  checked := 0;
  for e in select * from audit_entry where seq is not null order by seq loop
    checked := checked + 1;
    if e.seq <> expected then
      broken_seq := expected;
      reason := 'the entry is missing: the chain jumps to ' || e.seq;
      return;
    elsif e.previous_hash is distinct from previous then
      broken_seq := e.seq; broken_id := e.id;
      reason := 'it does not point to the entry before it';
      return;
    elsif e.hash is distinct from sha256(previous || app_audit_payload(e)) then
      broken_seq := e.seq; broken_id := e.id;
      reason := 'its content does not match its seal: it was changed after writing';
      return;
    end if;
    previous := e.hash;
    expected := expected + 1;
  end loop;
  select h.seq, h.hash into head_seq, head_hash from audit_chain_head h;
  if coalesce(head_seq, 0) <> expected - 1 then
    broken_seq := expected;
    reason := 'the chain records ' || head_seq || ' entries but only ' || (expected - 1) || ' are present';
  elsif head_seq is not null and head_hash is distinct from previous then
    broken_seq := expected - 1;
    reason := 'the chain''s head does not seal its last entry';
  end if;
end;
$$;

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
