-- The ingested statutes, shared by every host: one row per document (its citation key), its passages as the JSON
-- Bot.Knowledge wrote and the SHA-256 of that JSON. Each host lists (key, content_hash) to see what its index lacks.
create table knowledge_documents (
    key text primary key,
    content_hash text not null,
    passages text not null,
    stored_at timestamptz not null default now()
);
