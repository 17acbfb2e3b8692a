-- Classification decisions: the rules of the scheme in force propose a category with a full trace; the author
-- accepts or overrides it (reason code + narrative, within the legal constraints); a supervisor other than the
-- author approves or rejects. Approval makes it the prisoner's current classification. Nothing is ever deleted:
-- every past decision stays readable with its inputs, trace, override and approval.
create table classification_decision (
  tenant_id          uuid        not null default app_current_tenant() references tenant (id),
  id                 uuid        not null,
  prisoner_id        uuid        not null,
  scheme_version_id  uuid        not null,
  status             text        not null,
  -- the ClassificationFacts the rules saw, and the RuleEngine's trace of every rule tried
  facts              jsonb       not null,
  trace              jsonb       not null,
  proposed_category  text        not null,
  -- the category the author submitted: the proposal (accepted) or another one (overridden)
  category           text,
  override_reason    text,
  override_narrative text,
  version            bigint      not null,
  -- people are kept by token subject (what the four-eyes rule compares) and by user name (what a reader recognises)
  proposed_by        text        not null,
  proposed_by_name   text        not null,
  proposed_at        timestamptz not null,
  submitted_by       text,
  submitted_at       timestamptz,
  decided_by         text,
  decided_by_name    text,
  decided_at         timestamptz,
  decision_comment   text,
  effective_on       date,
  next_review_on     date,
  updated_at         timestamptz not null,
  constraint classification_decision_pk primary key (tenant_id, id),
  constraint classification_decision_prisoner_fk foreign key (tenant_id, prisoner_id)
    references prisoner (tenant_id, id),
  constraint classification_decision_scheme_fk foreign key (tenant_id, scheme_version_id)
    references classification_scheme_version (tenant_id, id),
  constraint classification_decision_status_ck
    check (status in ('PROPOSED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  constraint classification_decision_override_ck
    check (category is null or category = proposed_category
           or (override_reason is not null and override_narrative is not null)),
  constraint classification_decision_override_reason_ck
    check (override_reason is null
           or override_reason in ('SECURITY_INFORMATION', 'BEHAVIOUR', 'HEALTH', 'PROTECTION', 'PROGRAMME_NEEDS',
                                  'OTHER')),
  -- a decision past PROPOSED has a submitted category (a withdrawn one may never have had one)
  constraint classification_decision_submitted_ck
    check (status in ('PROPOSED', 'WITHDRAWN') or (category is not null and submitted_at is not null)),
  constraint classification_decision_approved_ck
    check (status <> 'APPROVED' or (effective_on is not null and next_review_on is not null)),
  constraint classification_decision_rejected_ck check (status <> 'REJECTED' or decision_comment is not null),
  -- four eyes, kept by the database too: whoever proposed a decision never decides it
  constraint classification_decision_four_eyes_ck check (decided_by is null or decided_by <> proposed_by)
);
create index classification_decision_prisoner_ix on classification_decision (tenant_id, prisoner_id, proposed_at);
create index classification_decision_status_ix on classification_decision (tenant_id, status, submitted_at);
-- One open (PROPOSED or SUBMITTED) decision per prisoner at a time, whatever races the service loses.
create unique index classification_decision_open_uk on classification_decision (tenant_id, prisoner_id)
  where status in ('PROPOSED', 'SUBMITTED');
select app_isolate_tenant_table('classification_decision');
grant select, insert, update on classification_decision to ${app_role};
