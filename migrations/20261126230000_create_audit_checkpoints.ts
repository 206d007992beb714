import type { Knex } from 'knex'

/**
 * Signed checkpoints of the audit chain and owner-only retention (docs/adr/0005-audit-checkpoints.md).
 * `audit_checkpoints` holds compact JWS (ES256) statements "the chain up to record `last_id` has hash
 * `last_hash`"; like the trail it is append-only. `audit_drop_partition()` is the one way retention
 * removes a month, and it refuses any month younger than six months, whatever the caller asks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_checkpoints (
      id bigint generated always as identity primary key,
      last_id bigint not null check (last_id >= 0),
      last_hash text not null,
      record_count bigint not null check (record_count >= 0),
      signed_at timestamptz not null,
      key_id text not null,
      reason text not null check (reason in ('scheduled', 'on-demand', 'retention')),
      jws text not null
    )
  `)
  await knex.raw('create index audit_checkpoints_last_id_idx on audit_checkpoints (last_id)')
  await knex.raw(`
    create trigger audit_checkpoints_no_change before update or delete on audit_checkpoints
    for each row execute function audit_records_append_only()
  `)
  await knex.raw(`
    create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_records_append_only()
  `)

  await knex.raw(`
    create function audit_drop_partition(month_start date, keep_months int) returns boolean
    language plpgsql security definer set search_path = public as $$
    declare
      first_day date := date_trunc('month', month_start)::date;
      part text := format('audit_records_p%s', to_char(first_day, 'YYYYMM'));
      kept int := greatest(coalesce(keep_months, 6), 6);
      -- Whole UTC months, as audit_ensure_partition cuts them; now() is the database's clock, not the caller's.
      cutoff date := (date_trunc('month', now() at time zone 'UTC') - make_interval(months => kept))::date;
    begin
      if (first_day + interval '1 month')::date > cutoff then
        raise exception 'audit partition % is within the retention of % months', part, kept
          using errcode = 'insufficient_privilege';
      end if;
      if to_regclass(part) is null then return false; end if;
      execute format('alter table audit_records detach partition %I', part);
      execute format('drop table %I', part);
      return true;
    end
    $$
  `)

  await knex.raw('revoke update, delete, truncate on audit_checkpoints from public')
  await knex.raw('revoke execute on function audit_drop_partition(date, int) from public')
  await knex.raw(`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'hub_app') then
        grant select, insert on audit_checkpoints to hub_app;
        grant execute on function audit_drop_partition(date, int) to hub_app;
      end if;
    end
    $$
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function if exists audit_drop_partition(date, int)')
  await knex.raw('drop table if exists audit_checkpoints')
}
