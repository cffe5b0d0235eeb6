import sys, re, collections
# Share of perf samples with a frame on the stack, as ms of CPU per measured turn (BENCHMARKS.md "Load", session 13).
# usage: perf-shares.py samples.txt pid turns hz   (samples.txt from `perf script -F comm,tid,ip,sym,dso`)
path, pid, turns, hz = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
cats = [
 ("POST activities (PostAsync)", r"ActivityEndpoints\+<PostAsync>d__\d+::MoveNext"),
 ("POST conversations (StartAsync)", r"ConversationEndpoints\+<StartAsync>d__\d+::MoveNext"),
 ("tokens/generate (GenerateAsync)", r"TokenEndpoints\+<GenerateAsync>d__\d+::MoveNext"),
 ("socket loop (StreamAsync)", r"StreamEndpoint\+<StreamAsync>d__\d+::MoveNext"),
 ("DirectLineAuth::CheckAsync", r"DirectLineAuth\+<CheckAsync>d__\d+::MoveNext"),
 ("DirectLineTokens::", r"DirectLineTokens::"),
 ("LiteDbDirectLineStore::", r"LiteDbDirectLineStore(\+<>c\w*)?::"),
 ("ActivityFeed::Stage", r"ActivityFeed::Stage"),
 ("ActivityFeed::Publish", r"ActivityFeed::Publish"),
 ("ActivityFeed::Subscribe", r"ActivityFeed::Subscribe"),
 ("DirectLineConversations::Start", r"DirectLineConversations::Start"),
 ("DirectLineConversations::Create", r"DirectLineConversations::Create"),
 ("DirectLineConversations::Post", r"DirectLineConversations::Post"),
 ("DirectLineTurns::RunTurnAsync", r"DirectLineTurns\+<RunTurnAsync>d__\d+::MoveNext"),
 ("DirectLineRequests::ReadActivityAsync", r"DirectLineRequests\+<ReadActivityAsync>"),
 ("WebSocket (any)", r"WebSocket\w*::"),
 ("MessagesEndpoint (api)", r"MessagesEndpoint\+<\w+>d__\d+::MoveNext"),
 ("TurnProcessor (async)", r"TurnProcessor\+<\w+>d__\d+::MoveNext"),
 ("RouterBot::OnTurnAsync", r"RouterBot\+<OnTurnAsync>d__\d+::MoveNext"),
 ("GroupCommitter WriteLoop", r"GroupCommitter\+<WriteLoopAsync>"),
 ("StagingLiteEngine::Apply", r"StagingLiteEngine::Apply"),
 ("SerializedLiteEngine::Commit", r"SerializedLiteEngine::Commit"),
 ("LiteDB (any)", r"\[LiteDB\]"),
 ("fsync", r"fsync|fdatasync"),
 ("Kestrel (any)", r"Kestrel"),
 ("RequestLog middleware (all requests)", r"RequestLog"),
 ("JsonSerializer::Serialize", r"JsonSerializer::Serialize"),
 ("ThreadPool dispatch", r"ThreadPoolWorkQueue::Dispatch"),
 ("libcoreclr only (GC etc)", None),
 ("kernel", r"^ffffffff"),
 ("kernel leaf", "LEAFK"),
]
samples=[]; cur=None
for line in open(path, errors='replace'):
    if not line.strip():
        if cur: samples.append(cur); cur=None
        continue
    if not line.startswith('\t') and not line.startswith(' '):
        m = re.match(r"(.*?)\s+(\d+)\s*$", line.rstrip())
        cur = {"comm": m.group(1) if m else line, "tid": m.group(2) if m else "", "frames": []}
    else:
        if cur is not None: cur["frames"].append(line.strip())
if cur: samples.append(cur)
total=len(samples)
def ms(n): return n/hz*1000/turns
print(f"{path}: samples {total}, {ms(total):.3f} ms/turn")
for name, pat in cats:
    if pat is None:
        n = sum(1 for s in samples if all(('libcoreclr' in f or 'libc.so' in f or 'kernel' in f or f.startswith('ffffffff') or 'libclrgc' in f) for f in s["frames"]))
    elif pat=="LEAFK":
        n=sum(1 for s in samples if s["frames"] and s["frames"][0].startswith("ffffffff"))
    else:
        r=re.compile(pat); n=sum(1 for s in samples if any(r.search(f) for f in s["frames"]))
    print(f"  {name:40s} {n:6d} {100*n/max(total,1):5.1f}% {ms(n):.3f} ms/turn")
# leaf top
leaf=collections.Counter()
for s in samples:
    f = s["frames"][0] if s["frames"] else "?"
    f = re.sub(r"^\S+\s+","",f)
    leaf[f[:150]]+=1
print("  top leaves:")
for f,n in leaf.most_common(25): print(f"   {n:5d} {ms(n):.3f} {f}")
comm=collections.Counter(s["comm"] for s in samples)
print("  threads:", comm.most_common(8))
