-- The WhatsApp messages the Graph API accepted, by wamid, with their delivery statuses.
create table whatsapp_outbound (id text primary key, doc jsonb not null);
create index whatsapp_outbound_conversation on whatsapp_outbound ((doc ->> 'ConversationId'));
