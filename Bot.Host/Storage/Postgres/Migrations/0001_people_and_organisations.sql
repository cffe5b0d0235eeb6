-- Users and their channel accounts, OPDs, invite codes, the bootstrap admin code, account-linking codes.
create table users (id text primary key, doc jsonb not null);
create index users_accounts on users using gin ((doc -> 'Accounts'));
create index users_role on users ((doc ->> 'Role'));

create sequence organisations_id_seq;
-- Bumped by every write of an OPD: what caches of data derived from every OPD compare.
create sequence organisations_revision;
create table organisations (id integer primary key, doc jsonb not null);

create table invite_codes (id text primary key, doc jsonb not null);
create table admin_codes (id text primary key, doc jsonb not null);

create table account_link_codes (id text primary key, doc jsonb not null);
create index account_link_codes_user on account_link_codes ((doc ->> 'UserId'));
create table account_link_attempts (id text primary key, doc jsonb not null);
