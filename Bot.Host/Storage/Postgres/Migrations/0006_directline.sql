-- Direct Line: conversations, their client-facing activity logs (the transcripts a watermark indexes), the web
-- chat's devices and the uploads. The watermark (next_sequence) and the last timestamp handed out are columns
-- next to the document so that a write only ever moves them forward, whichever host writes; a log place
-- (conversation_id, sequence) is taken once. Times the queries compare are UTC ticks (bigint).
create table directline_conversations (
    id text primary key,
    next_sequence integer not null,
    last_timestamp bigint not null,
    last_seen_at bigint not null,
    awaiting_first_message boolean not null,
    doc jsonb not null);
create index directline_conversations_last_seen on directline_conversations (last_seen_at);

-- The activity JSON is text, not jsonb: it is served byte for byte as it was written.
create table directline_activities (
    id text primary key,
    conversation_id text not null references directline_conversations (id) on delete cascade,
    sequence integer not null,
    json text not null,
    unique (conversation_id, sequence));

create table directline_devices (id text primary key, doc jsonb not null);
create index directline_devices_user on directline_devices ((doc ->> 'UserId'));

create table directline_uploads (
    id text primary key,
    conversation_id text not null,
    file_name text not null,
    content_type text not null,
    storage_name text not null,
    anonymous boolean not null,
    length bigint not null,
    content bytea not null);
create index directline_uploads_conversation on directline_uploads (conversation_id);
create index directline_uploads_anonymous on directline_uploads (conversation_id) where anonymous;
