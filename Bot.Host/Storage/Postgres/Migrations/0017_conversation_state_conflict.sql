-- A turn's commit sends its writes and its COMMIT in one round trip (PostgresTransaction.CommitUnit), so a conversation
-- state saved by someone else since the turn read it must stop the transaction inside PostgreSQL, before the COMMIT
-- runs: the state's save calls this when it changed no row. Its error (SQLSTATE SN409) becomes ConcurrencyException.
create function sinergi_state_conflict(state_key text, expected integer) returns integer
language plpgsql volatile as $$
declare
    stored integer := coalesce((select version from conversation_states where id = state_key), 0);
begin
    raise exception 'Conversation state ''%'' was saved by someone else (expected version %, found %).', state_key, expected, stored
        using errcode = 'SN409', table = 'conversation_states',
            hint = json_build_object('key', state_key, 'expected', expected, 'found', stored)::text;
end
$$;
