-- Reviews and the sentence plan: events that make a prisoner due for review now, the country's cycle settings,
-- and programme referrals proposed from the needs approved assessments found.

-- An event that makes a prisoner due for review (incident, new offence, sentence change, programme completion,
-- request). Recorded for good; the prisoner's next_review_on is brought forward to the event's day.
create table review_trigger (
  tenant_id   uuid        not null default app_current_tenant() references tenant (id),
  id          uuid        not null,
  prisoner_id uuid        not null,
  kind        text        not null,
  note        text,
  occurred_on date        not null,
  recorded_by text        not null,
  recorded_at timestamptz not null,
  constraint review_trigger_pk primary key (tenant_id, id),
  constraint review_trigger_prisoner_fk foreign key (tenant_id, prisoner_id) references prisoner (tenant_id, id),
  constraint review_trigger_kind_ck
    check (kind in ('INCIDENT', 'NEW_OFFENCE', 'SENTENCE_CHANGE', 'PROGRAMME_COMPLETION', 'REQUEST'))
);
create index review_trigger_prisoner_ix on review_trigger (tenant_id, prisoner_id, recorded_at);
select app_isolate_tenant_table('review_trigger');
grant select, insert on review_trigger to ${app_role};

-- The pre-release list looks for sentenced prisoners by expected release; the due list uses prisoner_review_ix (V7).
create index prisoner_expected_release_ix on prisoner (tenant_id, expected_release) where legal_status = 'SENTENCED';

-- Settings of the cycle a country administrator chooses, one row per tenant.
create table cycle_setting (
  tenant_id          uuid        not null default app_current_tenant() references tenant (id),
  pre_release_months integer     not null,
  version            bigint      not null,
  updated_at         timestamptz not null,
  constraint cycle_setting_pk primary key (tenant_id),
  constraint cycle_setting_pre_release_months_ck check (pre_release_months between 1 and 36)
);
select app_isolate_tenant_table('cycle_setting');
grant select, insert, update on cycle_setting to ${app_role};

-- A programme referral: proposed from a need an approved assessment found, then accepted (REFERRED) or
-- DECLINED with a reason, then STARTED, COMPLETED or DROPPED.
create table referral (
  tenant_id      uuid        not null default app_current_tenant() references tenant (id),
  id             uuid        not null,
  prisoner_id    uuid        not null,
  programme_code text        not null,
  need           text        not null,
  assessment_id  uuid        not null,
  status         text        not null,
  reason         text,
  version        bigint      not null,
  created_at     timestamptz not null,
  updated_by     text        not null,
  updated_at     timestamptz not null,
  constraint referral_pk primary key (tenant_id, id),
  constraint referral_prisoner_fk foreign key (tenant_id, prisoner_id) references prisoner (tenant_id, id),
  constraint referral_assessment_fk foreign key (tenant_id, assessment_id) references assessment (tenant_id, id),
  constraint referral_status_ck
    check (status in ('PROPOSED', 'REFERRED', 'DECLINED', 'STARTED', 'COMPLETED', 'DROPPED')),
  constraint referral_declined_reason_ck check (status <> 'DECLINED' or reason is not null)
);
create index referral_prisoner_ix on referral (tenant_id, prisoner_id, status);
-- One open referral per prisoner and programme: proposing again does not duplicate it.
create unique index referral_open_uk on referral (tenant_id, prisoner_id, programme_code)
  where status in ('PROPOSED', 'REFERRED', 'STARTED');
select app_isolate_tenant_table('referral');
grant select, insert, update on referral to ${app_role};
