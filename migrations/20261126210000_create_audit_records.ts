import type { Knex } from 'knex'

/**
 * The audit trail (docs/adr/0004-audit-group-commit.md). `audit_records` is append-only and
 * hash-chained: `id` is the chain position, `prev_hash` links to the record before. It is partitioned
 * by month of `occurred_at` so retention can drop whole months (owner only) instead of deleting rows.
 * `audit_chain_head` is the one row every writer locks (`for update`) to extend the chain, so several
 * hub instances still produce a single order.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_records (
      id bigint not null,
      occurred_at timestamptz not null,
      principal text not null,
      department text null,
      roles text[] not null,
      action text not null,
      resource_type text not null,
      resource_id text null,
      subject_hash text null,
      subject_masked text null,
      items text[] not null,
      purpose text null,
      case_number text null,
      grant_id text null,
      outcome text not null check (outcome in ('allowed', 'denied')),
      reason text null,
      request_id text null,
      client_address text null,
      -- Canonical JSON text, not jsonb: the hash covers these exact bytes, which jsonb would re-format.
      details text null check (details is null or json_typeof(details::json) = 'object'),
      prev_hash text not null,
      hash text not null,
      -- A partitioned table's keys must include the partition column; id order is checked by verify.
      primary key (id, occurred_at)
    ) partition by range (occurred_at)
  `)
  await knex.raw('create index audit_records_subject_idx on audit_records (subject_hash, id)')
  await knex.raw('create index audit_records_principal_idx on audit_records (principal, id)')
  await knex.raw('create index audit_records_case_idx on audit_records (case_number, id)')
  await knex.raw('create index audit_records_resource_idx on audit_records (resource_type, resource_id, id)')

  await knex.raw(`
    create table audit_chain_head (
      singleton boolean primary key default true check (singleton),
      last_id bigint not null,
      last_hash text not null
    )
  `)
  await knex.raw(`insert into audit_chain_head (last_id, last_hash) values (0, repeat('0', 64))`)

  // The hashed serialization, the same bytes the writer builds in audit/audit-chain.ts, so that
  // verification runs next to the data (docs/adr/0004-audit-group-commit.md). Needs PostgreSQL ≥ 14,
  // where extract() returns an exact numeric.
  await knex.raw(`
    create function audit_record_canonical(r audit_records) returns text
    language sql stable parallel safe as $$
      select json_build_array(
        r.id, ((extract(epoch from r.occurred_at) * 1000000)::int8)::text, r.principal, r.department,
        r.roles, r.action, r.resource_type, r.resource_id, r.subject_hash, r.subject_masked, r.items,
        r.purpose, r.case_number, r.grant_id, r.outcome, r.reason, r.request_id, r.client_address,
        r.details::json, r.prev_hash)::text
    $$
  `)
  await knex.raw(`
    create function audit_record_hash(r audit_records) returns text
    language sql stable parallel safe as $$
      select encode(sha256(convert_to(audit_record_canonical(r), 'UTF8')), 'hex')
    $$
  `)

  // Raised for every change but INSERT, whoever asks (superusers included, unless they disable it).
  await knex.raw(`
    create function audit_records_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_records is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$
  `)
  await knex.raw(`
    create trigger audit_records_no_change before update or delete on audit_records
    for each row execute function audit_records_append_only()
  `)
  // TRUNCATE triggers are statement-level and not inherited, so every partition gets its own too.
  await knex.raw(`
    create trigger audit_records_no_truncate before truncate on audit_records
    for each statement execute function audit_records_append_only()
  `)

  // Creating a partition needs table ownership; SECURITY DEFINER lets a non-owner app role call it.
  await knex.raw(`
    create function audit_ensure_partition(month_start date) returns void
    language plpgsql security definer set search_path = public as $$
    declare
      first_day date := date_trunc('month', month_start)::date;
      part text := format('audit_records_p%s', to_char(first_day, 'YYYYMM'));
      -- Months in UTC, whatever the session time zone, so every writer agrees on the boundaries.
      lo timestamptz := first_day::timestamp at time zone 'UTC';
      hi timestamptz := (first_day + interval '1 month')::timestamp at time zone 'UTC';
    begin
      if to_regclass(part) is not null then return; end if;
      execute format(
        'create table %I partition of audit_records for values from (%L) to (%L)', part, lo, hi);
      execute format(
        'create trigger audit_records_no_truncate before truncate on %I
         for each statement execute function audit_records_append_only()', part);
    exception when duplicate_table then
      -- Another instance created it a moment ago: that is the outcome we wanted.
      null;
    end
    $$
  `)
  await knex.raw(`
    select audit_ensure_partition((date_trunc('month', now()) + make_interval(months => m))::date)
    from generate_series(-1, 2) as m
  `)

  // The application should run as a role that may only read and append (the ADR explains the roles).
  await knex.raw('revoke update, delete, truncate on audit_records, audit_chain_head from public')
  await knex.raw(`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'hub_app') then
        grant select, insert on audit_records to hub_app;
        revoke update, delete, truncate on audit_records from hub_app;
        grant select, update on audit_chain_head to hub_app;
        grant execute on function audit_ensure_partition(date) to hub_app;
      end if;
    end
    $$
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function if exists audit_record_hash(audit_records)')
  await knex.raw('drop function if exists audit_record_canonical(audit_records)')
  await knex.raw('drop table if exists audit_records cascade')
  await knex.raw('drop table if exists audit_chain_head')
  await knex.raw('drop function if exists audit_ensure_partition(date)')
  await knex.raw('drop function if exists audit_records_append_only()')
}
