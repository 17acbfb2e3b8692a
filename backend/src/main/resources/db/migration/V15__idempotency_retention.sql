-- Idempotency keys are kept long enough for any retry, then forgotten: their stored responses describe people, and a
-- key older than the retention answers no retry anyone will still send (ADR 0007).
-- The service role has no DELETE on idempotency_key (a fresh key must never vanish, or a retry would act twice): it
-- calls this function, which forgets only the current tenant's keys (row-level security still binds the owner) and
-- never one younger than a day, whatever it is asked.
create function app_forget_idempotency_keys(created_before timestamptz) returns bigint
  language plpgsql security definer set search_path = public
  as $$
declare
  forgotten bigint;
begin
  delete from idempotency_key
   where tenant_id = app_current_tenant()
     and created_at < least(created_before, now() - interval '1 day');
  get diagnostics forgotten = row_count;
  return forgotten;
end;
$$;

revoke all on function app_forget_idempotency_keys(timestamptz) from public;
grant execute on function app_forget_idempotency_keys(timestamptz) to ${app_role};
