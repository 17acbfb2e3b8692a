-- Every change of the tenant registry, whoever makes it (the service, an onboarding script, an operator in psql),
-- notifies the channel 'tenant_changed' when its transaction commits. Each replica of the service listens and
-- forgets the tenants it keeps in memory, so a suspension takes effect at once without a registry read per request
-- (ADR 0009). One notification per statement is enough: listeners forget every tenant, the payload carries nothing.
create function app_notify_tenant_changed() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('tenant_changed', '');
  return null;
end
$$;

create trigger tenant_changed
  after insert or update or delete or truncate on tenant
  for each statement execute function app_notify_tenant_changed();
