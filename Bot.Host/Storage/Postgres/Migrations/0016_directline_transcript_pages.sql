-- Direct Line transcripts: one row per append (a turn's echo and replies together, or a reminder) instead of one per
-- activity, keyed by the conversation and the place of its first entry, so that two appends at one place cannot both
-- commit. The conversation's watermark and last timestamp are its last row's: a turn no longer rewrites the
-- conversation's record (whose next_sequence and last_timestamp now hold them only as of the record's last write).
-- The entries are a JSON array of {"Id", "Json"} kept as text: each activity's JSON is served byte for byte.
create table directline_transcript (
    conversation_id text not null references directline_conversations (id) on delete cascade,
    sequence integer not null,
    entry_count integer not null,
    last_timestamp bigint not null,
    entries text not null,
    primary key (conversation_id, sequence));

insert into directline_transcript (conversation_id, sequence, entry_count, last_timestamp, entries)
select conversation_id, sequence, 1, 0, json_build_array(json_build_object('Id', id, 'Json', json))::text
from directline_activities;

drop table directline_activities;
