-- The reminder outbox and its companions, the notices, the dashboard sessions and used sign-in links.
-- Times the queries compare are kept as UTC ticks (bigint), next to the document: exact, and DateTime.MaxValue
-- ("never") needs no special case.
create table reminder_outbox (
    id text primary key,
    commitment_id integer not null,
    recipient_id text not null,
    wake_at bigint not null,
    status text not null,
    doc jsonb not null);
create index reminder_outbox_wake on reminder_outbox (wake_at);
create index reminder_outbox_commitment on reminder_outbox (commitment_id);
create index reminder_outbox_recipient on reminder_outbox (recipient_id);

create table reminder_deliveries (
    id text primary key,
    user_id text not null,
    sent_at bigint not null,
    doc jsonb not null);
create index reminder_deliveries_user on reminder_deliveries (user_id, sent_at);

create table reminder_in_flight (id text primary key, doc jsonb not null);

create table reminder_acks (id text primary key, doc jsonb not null);
create index reminder_acks_commitment on reminder_acks (((doc ->> 'CommitmentId')::integer));

create table nudges (id text primary key, doc jsonb not null);
create index nudges_coordinator on nudges ((doc ->> 'CoordinatorId'));

create sequence notifications_id_seq;
create table notifications (id integer primary key, doc jsonb not null);
create index notifications_pending on notifications ((doc ->> 'UserId')) where doc ->> 'DeliveredAt' is null;

create table dashboard_sessions (id text primary key, expires_at bigint not null, doc jsonb not null);
create table dashboard_used_links (id text primary key, expires_at bigint not null);
