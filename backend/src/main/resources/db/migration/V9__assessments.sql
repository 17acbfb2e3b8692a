-- Assessments: a prisoner assessed with one PUBLISHED instrument version, pinned for life. Answers are saved as
-- they are given (optimistic locking on version); submission stores the server's scoring; a supervisor other
-- than the submitter approves it or returns it. Only APPROVED assessments feed classification and plans.
create table assessment (
  tenant_id             uuid        not null default app_current_tenant() references tenant (id),
  id                    uuid        not null,
  prisoner_id           uuid        not null,
  instrument_version_id uuid        not null,
  -- Copied from the instrument: classification rules name assessments by instrument code.
  instrument_code       text        not null,
  status                text        not null,
  -- item code -> answer, as the instrument's AnswerValidator accepts them
  answers               jsonb       not null default '{}',
  -- the rater's structured professional judgement {level, rationale}, for SPJ instruments
  judgement             jsonb,
  -- the ScoringResult computed on submission: scales, bands, missing items, overall rating
  result                jsonb,
  overall_level         text,
  version               bigint      not null,
  -- people are kept by token subject (what the four-eyes rule compares) and by user name (what a reader recognises)
  started_by            text        not null,
  started_by_name       text        not null,
  started_at            timestamptz not null,
  submitted_by          text,
  submitted_by_name     text,
  submitted_at          timestamptz,
  -- the supervisor who approved it, or returned it (with the comment) until it is submitted again
  decided_by            text,
  decided_by_name       text,
  decided_at            timestamptz,
  decision_comment      text,
  updated_at            timestamptz not null,
  constraint assessment_pk primary key (tenant_id, id),
  constraint assessment_prisoner_fk foreign key (tenant_id, prisoner_id) references prisoner (tenant_id, id),
  constraint assessment_instrument_version_fk foreign key (tenant_id, instrument_version_id)
    references instrument_version (tenant_id, id),
  constraint assessment_status_ck check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
  constraint assessment_result_ck check (status in ('DRAFT', 'RETURNED') or result is not null),
  constraint assessment_submitted_ck check (status = 'DRAFT' or (submitted_by is not null and submitted_at is not null)),
  constraint assessment_decided_ck
    check (status not in ('APPROVED', 'RETURNED') or (decided_by is not null and decided_at is not null)),
  constraint assessment_returned_ck check (status <> 'RETURNED' or decision_comment is not null),
  -- four eyes, kept by the database too: whoever started or submitted an assessment never decides it
  constraint assessment_four_eyes_ck
    check (decided_by is null or (decided_by <> started_by and decided_by <> submitted_by))
);
create index assessment_prisoner_ix on assessment (tenant_id, prisoner_id, instrument_code, status, decided_at);
create index assessment_status_ix on assessment (tenant_id, status, submitted_at);
select app_isolate_tenant_table('assessment');
grant select, insert, update on assessment to ${app_role};

-- Idempotency keys of state-changing requests (e.g. submitting an assessment): a retried request with the same
-- key gets the first answer again instead of acting twice. A key is the caller's own: scoped to tenant and subject.
create table idempotency_key (
  tenant_id    uuid        not null default app_current_tenant() references tenant (id),
  subject      text        not null,
  key          text        not null,
  operation    text        not null,
  target_id    uuid        not null,
  request_hash bytea       not null,
  response     jsonb       not null,
  created_at   timestamptz not null,
  constraint idempotency_key_pk primary key (tenant_id, subject, key),
  constraint idempotency_key_key_ck check (length(key) between 8 and 128)
);
select app_isolate_tenant_table('idempotency_key');
grant select, insert on idempotency_key to ${app_role};
