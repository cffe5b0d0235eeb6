-- The Data Protection key ring (signed links, dashboard sessions) shared by every host: one row per key, its XML as
-- ASP.NET Core wrote it. Rows are only added; Data Protection itself expires and revokes keys inside the XML.
create table data_protection_keys (name text primary key, xml text not null, created_at timestamptz not null default now());
