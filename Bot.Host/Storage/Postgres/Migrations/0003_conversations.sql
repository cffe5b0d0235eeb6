-- Conversation states (versioned), conversation references, form drafts.
create table conversation_states (
    id text primary key,
    version integer not null,
    updated_at timestamptz not null,
    state jsonb not null);

create table conversation_references (
    id text primary key,
    user_key text,
    json text not null,
    updated_at timestamptz not null);
create index conversation_references_user on conversation_references (user_key, updated_at desc);

create table form_drafts (id text primary key, doc jsonb not null);
create index form_drafts_user on form_drafts ((doc ->> 'UserId'));
