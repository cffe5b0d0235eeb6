-- WhatsApp: the last inbound message per conversation (the 24-hour service window) and the numbered choices offered.
create table whatsapp_windows (id text primary key, at_ms bigint not null);
create table whatsapp_choices (id text primary key, texts text[] not null);
