-- Commitments with their versions and the code sequence of each plan year; progress reports; evidence files.
create sequence commitments_id_seq;
create table commitments (id integer primary key, doc jsonb not null);
create unique index commitments_code on commitments ((doc ->> 'Code'));
create index commitments_request_key on commitments ((doc ->> 'RequestKey'));
create index commitments_organisation on commitments (((doc ->> 'OrganisationId')::integer));
create index commitments_year on commitments (((doc ->> 'Year')::integer));

create table commitment_versions (
    id text primary key,
    commitment_id integer not null,
    version integer not null,
    doc jsonb not null);
create index commitment_versions_commitment on commitment_versions (commitment_id, version);

create table commitment_code_sequences (year integer primary key, last integer not null);

create sequence progress_reports_id_seq;
create table progress_reports (id integer primary key, doc jsonb not null);
create index progress_reports_commitment on progress_reports (((doc ->> 'CommitmentId')::integer));
create index progress_reports_organisation on progress_reports (((doc ->> 'OrganisationId')::integer));
create index progress_reports_state on progress_reports ((doc ->> 'State'));

-- Stored once per content: the id is "evidence/" and the SHA-256.
create table evidence_files (
    id text primary key,
    file_name text not null,
    content bytea not null);
