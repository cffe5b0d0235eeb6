-- The tips, their photos and the receipts of confirmations, in their own schema (the tips' database: by default the
-- main one, or ConnectionStrings:SinergiTips). Nothing here names a sender; every write is a transaction of its own,
-- never the turn's. Times the queries compare are UTC ticks (bigint).
create table tips.tips (
    id text primary key,
    status text not null,
    alert_pending boolean not null,
    received_at bigint not null,
    doc jsonb not null);
create index tips_status on tips.tips (status);
create index tips_alert on tips.tips (id) where alert_pending;
create index tips_photo on tips.tips ((doc ->> 'PhotoFileId'));

create table tips.photos (id text primary key, content bytea not null);

create table tips.receipts (
    id text primary key,
    tracking_code text not null,
    follow_up boolean not null,
    expires_at bigint not null);
