-- The WhatsApp inbox: one row per wamid (Meta's retries find it and are dropped), the fields the worker queries as
-- columns next to the row's document. Pending rows are worked per conversation in (sent_at_ms, sequence) order;
-- the arrival sequence is one for all hosts. Finished rows keep only the wamid, the times and the state.
create sequence whatsapp_inbox_arrivals;
create table whatsapp_inbox (
    id text primary key,
    conversation_id text not null,
    state smallint not null,
    sent_at_ms bigint not null,
    received_at_ms bigint not null,
    sequence bigint not null,
    next_attempt_at_ms bigint not null,
    doc jsonb not null);
create index whatsapp_inbox_pending on whatsapp_inbox (conversation_id, sent_at_ms, sequence) where state = 0;
create index whatsapp_inbox_finished on whatsapp_inbox (received_at_ms) where state <> 0;

-- Who works a conversation's inbox now: a host claims the row with FOR UPDATE SKIP LOCKED and holds a lease, so two
-- hosts never work one conversation (nor one row) at once; a lease that ran out (its host died) is free again.
create table whatsapp_inbox_claims (
    conversation_id text primary key,
    owner uuid,
    lease_until_ms bigint not null default 0);
