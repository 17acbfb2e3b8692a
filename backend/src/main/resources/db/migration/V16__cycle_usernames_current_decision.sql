-- Who recorded a review trigger and who last changed a referral, as staff know them: the user name
-- (preferred_username) beside the token subject, which stays the identity rules compare. Rows written before
-- this migration never kept a user name: they show the subject, as the screens did until now.
alter table review_trigger add column recorded_by_name text;
alter table referral add column updated_by_name text;

-- The tables are FORCE'd under row-level security, the owner included: back-fill tenant by tenant.
do $$
declare
  t uuid;
begin
  for t in select id from tenant loop
    perform set_config('app.tenant_id', t::text, true);
    update review_trigger set recorded_by_name = recorded_by where recorded_by_name is null;
    update referral set updated_by_name = updated_by where updated_by_name is null;
  end loop;
  perform set_config('app.tenant_id', '', true);
end;
$$;

alter table review_trigger alter column recorded_by_name set not null;
alter table referral alter column updated_by_name set not null;

-- A prisoner's current classification is one of the country's own decisions: the database refuses an id that
-- points nowhere or into another country. Approval writes the decision before the prisoner, in one transaction,
-- so the check need not be deferred.
alter table prisoner add constraint prisoner_current_decision_fk
  foreign key (tenant_id, current_decision_id) references classification_decision (tenant_id, id);
