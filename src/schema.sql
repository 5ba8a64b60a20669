-- ollama-logreport database schema (public interface).
--
-- Units: every *_bytes column is an integer count of bytes; every *_seconds
-- column is a REAL number of seconds; every ts column is UTC ISO-8601 with
-- milliseconds ("2025-03-05T07:00:48.491Z") and ts_offset keeps the offset
-- the log line was written with ("-05:00", "Z"; NULL when the line carried a
-- time with no zone, as Go `log` lines do).
--
-- Every category table (and failures) starts with the same columns:
--   id            row id
--   source_id     sources.id of the input the line came from
--   line          1-based line number in that input (CSV record for exports)
--   ts, ts_offset event time (UTC) and original offset
--   ts_inherited  1 when the line carried no time of its own and took the
--                 last time seen earlier in the same source (llama.cpp lines)
--   host          host from the journalctl prefix, else --host, else NULL
--   level         slog level (INFO, WARN, ...) or NULL for llama.cpp lines
--   event         name of the catalogue entry that matched (patterns/*.pat)
--   load_id       the load sequence the row belongs to (NULL until sequenced)
--   raw           the log line itself, prefix (journal, docker) removed
--
-- The schema is versioned with PRAGMA user_version.

PRAGMA user_version = 3;

-- One row per input read. Same content (sha256) ingested again is skipped.
CREATE TABLE IF NOT EXISTS sources (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,      -- as given on the command line ("-" = stdin)
  host          TEXT,               -- first host seen (journal prefix or --host)
  format        TEXT,               -- log | influx-csv
  size_bytes    INTEGER,            -- bytes read (after gzip decompression,
                                    -- before UTF-16 decoding)
  sha256        TEXT NOT NULL UNIQUE, -- of the bytes read
  head_sha256   TEXT,               -- of its first 64 KiB: finds the sources an input may be or continue
  line_count    INTEGER,            -- lines (CSV records) read; a record
                                    -- rejoined from wrapped lines counts once
  first_ts      TEXT,               -- earliest event time (UTC)
  last_ts       TEXT,               -- latest event time (UTC)
  status        TEXT,               -- ok | truncated (read error after some data)
  ingested_at   TEXT                -- UTC wall time of ingest (SOURCE_DATE_EPOCH honoured)
);

-- The inputs that continued a source after overlapping it: an export of a
-- host's journal whose first records were already known (journalctl
-- --since "8 days ago" every week). Their new records are lines of the
-- source, numbered on from its last line; see INPUTS FED AGAIN.
CREATE TABLE IF NOT EXISTS source_parts (
  source_id     INTEGER NOT NULL,   -- the source it continued
  path          TEXT,               -- as given on the command line
  sha256        TEXT NOT NULL,      -- of its bytes
  size_bytes    INTEGER,
  first_line    INTEGER,            -- the source's line its first new record became
  records_new   INTEGER,            -- records stored from it
  records_known INTEGER,            -- records it shared with the source
  ingested_at   TEXT,               -- UTC
  PRIMARY KEY (source_id, sha256)
);

-- C1: GPU memory readings by the scheduler.
--   "updated VRAM based on existing loaded models" (kind=updated)
--   "gpu memory" (kind=gpu_memory, 0.11.5+, logged with "system memory")
CREATE TABLE IF NOT EXISTS vram_updates (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind            TEXT,     -- updated | gpu_memory
  gpu_id          TEXT,     -- index, UUID or empty
  library         TEXT,     -- cuda, CUDA, metal, rocm, ...
  total_bytes     INTEGER,
  available_bytes INTEGER,
  free_bytes      INTEGER,
  minimum_bytes   INTEGER,  -- gpu_memory: reserve Ollama keeps free
  overhead_bytes  INTEGER   -- gpu_memory: OLLAMA_GPU_OVERHEAD
);

-- C2: system (host RAM) readings. "system memory" (kind=system) and the
-- DEBUG "updating system memory data" (kind=update: the now.* values).
CREATE TABLE IF NOT EXISTS system_memory (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind             TEXT,    -- system | update
  total_bytes      INTEGER,
  free_bytes       INTEGER,
  free_swap_bytes  INTEGER
);

-- C3: the scheduler's decision that a model fits ("new model will fit in
-- available VRAM ...") and "entering low vram mode".
CREATE TABLE IF NOT EXISTS fit_decisions (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  decision         TEXT,    -- single_gpu | all_gpus | minimum_gpus | low_vram_mode
  model            TEXT,    -- model path
  gpu_id           TEXT,
  library          TEXT,
  parallel         INTEGER,
  available_bytes  INTEGER,
  required_bytes   INTEGER,
  total_vram_bytes INTEGER, -- low_vram_mode
  threshold_bytes  INTEGER  -- low_vram_mode
);

-- C4: Ollama's own memory estimate for a load ("offload to gpu",
-- "offload to cuda|metal|rocm|cpu", msg=offload).
CREATE TABLE IF NOT EXISTS offload_estimates (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  library                  TEXT,
  layers_requested         INTEGER,  -- -1 = all
  layers_model             INTEGER,  -- layers in the model (0.1.33-: layers.estimate / layers=)
  layers_offload           INTEGER,  -- layers Ollama will put on GPU(s)
  layers_split             TEXT,     -- per-GPU split "41,40" ("" single GPU)
  available_list           TEXT,     -- JSON array of bytes per GPU
  available_bytes          INTEGER,  -- sum of available_list
  gpu_overhead_bytes       INTEGER,
  required_full_bytes      INTEGER,
  required_partial_bytes   INTEGER,
  required_kv_bytes        INTEGER,
  required_allocations     TEXT,     -- JSON array of bytes per GPU
  used_bytes               INTEGER,  -- 0.1.32 flat key used=
  weights_total_bytes      INTEGER,
  weights_repeating_bytes  INTEGER,
  weights_nonrepeating_bytes INTEGER,
  graph_full_bytes         INTEGER,
  graph_partial_bytes      INTEGER,
  projector_weights_bytes  INTEGER,
  projector_graph_bytes    INTEGER
);

-- C5: memory buffers as allocated or planned per device.
--   Ollama engine: "model weights", "kv cache", "compute graph", "total memory"
--   llama.cpp: "<dev> KV buffer size", "KV self size", "<dev> compute buffer
--   size", "<dev> output buffer size", common_memory_breakdown_print rows.
CREATE TABLE IF NOT EXISTS memory_buffers (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  reporter      TEXT,     -- ollama | llama.cpp
  kind          TEXT,     -- weights | kv | compute | output | input | total | breakdown
  device        TEXT,     -- CUDA0, Metal, CPU, CUDA_Host, Vulkan0, ... (NULL = all)
  size_bytes    INTEGER,
  k_bytes       INTEGER,  -- KV self size: K part
  v_bytes       INTEGER,  -- KV self size: V part
  total_bytes   INTEGER,  -- breakdown: device total
  free_bytes    INTEGER,  -- breakdown: device free
  model_bytes   INTEGER,  -- breakdown: model
  context_bytes INTEGER,  -- breakdown: context (KV)
  compute_bytes INTEGER,  -- breakdown: compute
  unaccounted_bytes INTEGER -- breakdown
);

-- C6: "gpu VRAM usage didn't recover within timeout".
CREATE TABLE IF NOT EXISTS vram_timeouts (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  seconds            REAL,
  model              TEXT,     -- model= (<= 0.6) or runner.model
  runner_name        TEXT,
  runner_size_bytes  INTEGER,
  runner_vram_bytes  INTEGER,
  free_before_bytes  INTEGER,  -- 0.12.6+ (DEBUG)
  free_now_bytes     INTEGER
);

-- C7: GPU inventory ("inference compute"), one row per device per start.
CREATE TABLE IF NOT EXISTS gpus (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  gpu_id          TEXT,
  filter_id       TEXT,
  library         TEXT,
  variant         TEXT,
  compute         TEXT,
  driver          TEXT,
  name            TEXT,
  description     TEXT,
  libdirs         TEXT,
  pci_id          TEXT,
  type            TEXT,     -- discrete | iGPU | ...
  total_bytes     INTEGER,
  available_bytes INTEGER
);
-- a GPU's readings and inventory looked up by source and GPU (charts)
CREATE INDEX IF NOT EXISTS gpus_gpu ON gpus(source_id, gpu_id, ts);
-- the GPU of a line looked up by its line (the report's VRAM alerts)
CREATE INDEX IF NOT EXISTS gpus_line ON gpus(source_id, line);

-- C8: tokenizer caches.
CREATE TABLE IF NOT EXISTS token_caches (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind        TEXT,     -- special_tokens | token_to_piece
  count       INTEGER,  -- special tokens
  vocab_size  INTEGER,  -- old "definition check successful ( 259/32000 )"
  size_bytes  INTEGER   -- token to piece cache ("0.7999 MB" = MiB)
);

-- C9: model file facts: "file size"/"model size" with BPW, "file type",
-- "file format", and llama_model_loader "loaded meta data ... from PATH".
CREATE TABLE IF NOT EXISTS model_files (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind          TEXT,     -- size | file_type | file_format | loaded | ollama_model (Go engine's own read) | tag ("template selection": the model's name:tag, in value)
  size_bytes    INTEGER,
  bpw           REAL,     -- bits per weight
  value         TEXT,     -- file type / format text
  path          TEXT,     -- loaded: model file path
  kv_count      INTEGER,  -- loaded: metadata pairs
  tensor_count  INTEGER,  -- loaded: tensors
  architecture  TEXT      -- ollama_model: architecture (the Ollama engine
                          -- prints no llama.cpp dump)
);
-- the few tag rows ("template selection"), found without reading the others
CREATE INDEX IF NOT EXISTS model_files_tag ON model_files(source_id, line)
  WHERE kind = 'tag';
-- the "loaded meta data" rows (one a load), a source's found without
-- reading the others' (the load sequences of a log added to a fleet's)
CREATE INDEX IF NOT EXISTS model_files_loaded ON model_files(source_id, line)
  WHERE kind = 'loaded';

-- C10: tensor loading and layer offload by llama.cpp.
CREATE TABLE IF NOT EXISTS tensor_loads (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind             TEXT,    -- loading | offloading_repeating | offloading_output | offloading_nonrepeating | offloaded | buffer | vram_used
  layers           INTEGER, -- offloading N repeating layers
  layers_offloaded INTEGER, -- offloaded X/Y
  layers_total     INTEGER,
  device           TEXT,    -- buffer: CUDA0, CPU_Mapped, Metal, ...
  size_bytes       INTEGER, -- buffer / vram_used
  mmap             INTEGER  -- loading: 1/0
);

-- C11: model parameters and reported load time.
CREATE TABLE IF NOT EXISTS model_params (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind          TEXT,     -- params | model_type | started
  params        INTEGER,  -- parameter count ("7.24 B" = 7240000000)
  value         TEXT,     -- as printed ("7.24 B", "8B")
  load_seconds  REAL      -- started: "llama runner started in X seconds"
);

-- C12: Ollama server and runner processes.
CREATE TABLE IF NOT EXISTS runners (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind          TEXT,     -- listening | start | go_runner | ollama_engine | server_listening | loaded_runners | dynamic_server | load_request | loading_model | llama_server_model | model_loaded | main_loop | using_device | cuda_device
  cmd           TEXT,     -- start: command line (unescaped)
  model         TEXT,     -- model path (--model or model=)
  is_probe      INTEGER,  -- start: 1 = GPU discovery runner (no --model)
  ollama_engine INTEGER,  -- start: 1 = --ollama-engine
  port          INTEGER,
  ctx_size      INTEGER,  -- --ctx-size / -c / KvSize
  batch_size    INTEGER,  -- --batch-size / -b / BatchSize
  parallel      INTEGER,  -- --parallel / -np / Parallel
  gpu_layers    INTEGER,  -- --n-gpu-layers / -ngl / GPULayers / requested
  model_layers  INTEGER,  -- "model layers"
  tensor_split  TEXT,     -- --tensor-split
  threads       INTEGER,
  address       TEXT,     -- listening / server_listening
  version       TEXT,     -- listening: Ollama version
  count         INTEGER,  -- loaded_runners
  device        TEXT,     -- using_device: the runner's device (CUDA0, Vulkan0, Metal)
  device_index  INTEGER,  -- cuda_device: N of "Device N:" (the runner's CUDA<N>)
  gpu_uuid      TEXT,     -- cuda_device: "ID: GPU-..." (an inventory gpu_id)
  pci_id        TEXT,     -- using_device: "(0000:3f:00.0)" (as gpus.pci_id)
  description   TEXT      -- using_device / cuda_device: the device's model name
);

-- C13: GGUF metadata dumped by llama_model_loader (- kv N: key type = value)
-- and llama.cpp print_info / llm_load_print_meta lines (idx NULL).
--
-- Every load prints its model's metadata, 100 to 300 lines that are the same
-- each time the same model is loaded: they are stored once per distinct dump.
-- A dump is the metadata lines of one source that follow each other at most
-- 16 lines apart (other lines may come between). model_dumps has one row per
-- dump; model_dump_rows holds each distinct content once, keyed by `content`
-- (63 bits of the SHA-256 of its rows: line relative to the dump's first,
-- level, event, raw text, values). The view model_metadata gives every line's
-- row back: its source, line (= dump line + rel_line), load and host are
-- those of its own dump; its time is the dump's, or the one of the last
-- model_dump_times row at or before its line (times are not part of the
-- content: a journal gives each line its own).
CREATE TABLE IF NOT EXISTS model_dumps (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL,
  line         INTEGER NOT NULL,   -- first metadata line of the dump
  last_line    INTEGER NOT NULL,   -- last metadata line of the dump
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, load_id INTEGER,
  content      INTEGER NOT NULL,   -- model_dump_rows.content
  rows         INTEGER NOT NULL    -- metadata lines in the dump
);
CREATE INDEX IF NOT EXISTS model_dumps_content ON model_dumps(content);

-- a line of a dump whose time is not the line before's
CREATE TABLE IF NOT EXISTS model_dump_times (
  source_id INTEGER NOT NULL,   -- the dump's source
  line      INTEGER NOT NULL,   -- and line (model_dumps.line)
  rel_line  INTEGER NOT NULL,   -- the line's, relative to that
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, line, rel_line)
);

CREATE TABLE IF NOT EXISTS model_dump_rows (
  content  INTEGER NOT NULL,   -- the dump content (model_dumps.content)
  rel_line INTEGER NOT NULL,   -- line - the dump's first line
  level    TEXT,
  event    TEXT NOT NULL,
  raw      TEXT,
  idx      INTEGER,  -- kv index
  key      TEXT,
  type     TEXT,     -- str, u32, arr[str,58980], ...
  value    TEXT,
  PRIMARY KEY (content, rel_line)
);

-- every metadata line's row (see above), identified by dump_id and line;
-- ORDER BY dump_id, rel_line gives them in the order they were read
CREATE VIEW IF NOT EXISTS model_metadata AS
  SELECT d.source_id AS source_id,
    d.line + r.rel_line AS line,
    CASE WHEN t.line IS NULL THEN d.ts ELSE t.ts END AS ts,
    CASE WHEN t.line IS NULL THEN d.ts_offset ELSE t.ts_offset END
      AS ts_offset,
    CASE WHEN t.line IS NULL THEN d.ts_inherited ELSE t.ts_inherited END
      AS ts_inherited,
    d.host AS host, r.level AS level, r.event AS event, d.load_id AS load_id,
    r.raw AS raw, r.idx AS idx, r.key AS key, r.type AS type,
    r.value AS value, d.id AS dump_id, r.rel_line AS rel_line
  FROM model_dumps d JOIN model_dump_rows r ON r.content = d.content
  LEFT JOIN model_dump_times t ON t.source_id = d.source_id AND
    t.line = d.line AND t.rel_line = (SELECT max(t2.rel_line) FROM
    model_dump_times t2 WHERE t2.source_id = d.source_id AND
    t2.line = d.line AND t2.rel_line <= r.rel_line);

-- C14: tensor type counts ("- type q4_K:  193 tensors").
CREATE TABLE IF NOT EXISTS tensor_types (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  type   TEXT,
  count  INTEGER
);

-- Requests: Gin's access log, one line per HTTP request the server
-- answered ("[GIN] 2024/03/12 - 18:54:13 | 200 | 4.55s | 127.0.0.1 |
-- POST "/api/chat""). ts is the line's own time (the server's local time,
-- read in the zone of the log).
CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  status        INTEGER,  -- HTTP status (499: the client closed the connection)
  latency_s     REAL,     -- seconds, from Go's duration text (138.182µs, 1m4.71s)
  client        TEXT,     -- client IP address (IPv4 or IPv6)
  method        TEXT,     -- GET, POST, HEAD, ...
  path          TEXT      -- request path as logged, without the quotes
);

-- Load errors, OOM, runner deaths, timeouts, panics.
CREATE TABLE IF NOT EXISTS failures (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind        TEXT,     -- load_error | load_failed | runner_terminated | timeout | client_closed | eof | panic | oom | model_load_error | sysmem | alloc_failed
  error       TEXT,     -- error text, unescaped and whole
  model       TEXT,
  exit_status INTEGER,
  oom         INTEGER,  -- 1 when the text reports an out-of-memory condition
  size_bytes  INTEGER,  -- allocation that failed, when given
  ends_load   INTEGER NOT NULL DEFAULT 1 -- 0 = does not end a load: a warning (pinned-memory fallback, client gave up) or a crash detail (CUDA error, assert, fatal signal) logged before Ollama's own error line
);

-- One row per model load sequence, rebuilt from the category tables after
-- every run (see ollama-logreport(1), LOAD SEQUENCES).
CREATE TABLE IF NOT EXISTS loads (
  id                    INTEGER PRIMARY KEY,
  source_id             INTEGER NOT NULL,
  start_line            INTEGER,  -- runner start line (NULL: start not in the log)
  end_line              INTEGER,  -- line that ended it (started in / error / last line)
  started_at            TEXT,     -- UTC
  ended_at              TEXT,     -- UTC
  host                  TEXT,
  ollama_version        TEXT,     -- from the nearest preceding "Listening on ... (version X)"
  start_kind            TEXT,     -- llama_server | runner | llama-server | dynamic | none (a
                                  -- failure with no load open: start unknown)
  runner_id             INTEGER,  -- runners.id of the start line
  model                 TEXT,     -- blob digest "sha256-..." or the model path
  model_path            TEXT,     -- the path as logged
  model_name            TEXT,     -- general.name
  name                  TEXT,     -- the model's one name in every report: model_names.name
  architecture          TEXT,     -- general.architecture (Ollama engine: its own model line)
  params                INTEGER,  -- parameter count
  file_type             TEXT,     -- quantisation (Q4_K - Medium, ...)
  tensor_count          INTEGER,  -- tensors in the model file (llama.cpp "loaded meta data", Ollama engine num_tensors)
  file_size_bytes       INTEGER,
  bpw                   REAL,     -- bits per weight
  ctx_size              INTEGER,
  batch_size            INTEGER,
  parallel              INTEGER,
  gpu_layers_requested  INTEGER,  -- --n-gpu-layers / GPULayers (-1 = all)
  layers_offloaded      INTEGER,  -- layers placed on GPUs
  layers_total          INTEGER,  -- layers of the model (incl. output layer)
  layer_split           TEXT,     -- layers per GPU as logged: "GPU-<id>:41,GPU-<id>:40" (new engine) or "41,40" (--tensor-split / layers.split)
  est_total_bytes       INTEGER,  -- Ollama's estimate: total memory for the load (the Ollama
                                  -- engine's layout counts only as its plan, before the commit)
  est_kv_bytes          INTEGER,  -- ... of which KV cache
  est_graph_bytes       INTEGER,  -- ... of which compute graph
  actual_weights_bytes  INTEGER,  -- allocated for weights: sum of load_devices.weights_bytes
  actual_kv_bytes       INTEGER,  -- allocated for the KV cache: sum of load_devices.kv_bytes
  actual_compute_bytes  INTEGER,  -- allocated for compute buffers: sum of load_devices.compute_bytes
  allocated_bytes       INTEGER,  -- the load's allocation: weights + KV + compute on every
                                  -- device, GPUs, CPU, CPU_Mapped (mmapped weights) and
                                  -- host (pinned) buffers included; NULL = nothing allocated
                                  -- (an Ollama-engine layout logged before the commit phase
                                  -- is a plan, not an allocation)
  outcome               TEXT NOT NULL, -- ok | failed | incomplete
  failure               TEXT,     -- error text of a failed load (unescaped, whole), as Ollama said it
  cause                 TEXT,     -- failed: why, from the log: client_gave_up (client closed
                                  -- the connection before the load finished) | oom | no_memory
                                  -- (Ollama refused: not enough system memory) | timeout |
                                  -- crash (runner died) | model_error (model file not
                                  -- loadable) | other
  failure_line          INTEGER,
  oom                   INTEGER,  -- 1 when the failure was out of memory
  runtime_failure       TEXT,     -- error after an ok load (runner died later)
  runtime_failure_line  INTEGER,
  load_seconds          REAL,     -- as Ollama reported it ("started in X seconds")
  wall_seconds          REAL,     -- ended_at - started_at: for a failed load, how long it ran
                                  -- before it failed (NULL when its start is not in the log)
  first_line            INTEGER,  -- first line of the load's evidence window (after the
                                  -- previous load's end and the last server restart)
  last_line             INTEGER   -- last line of the window (before the next load's start
                                  -- or the next server restart: no window crosses one)
);

-- Per load and device: where the layers and the memory went.
CREATE TABLE IF NOT EXISTS load_devices (
  load_id        INTEGER NOT NULL,
  device         TEXT NOT NULL,  -- CUDA0, Metal, CPU, CUDA_Host, ...
  layers         INTEGER,        -- layers placed on the device
  weights_bytes  INTEGER,        -- allocated model weights (llama.cpp buffer, or the Ollama
                                 -- engine's layout once committed)
  kv_bytes       INTEGER,        -- allocated KV cache
  compute_bytes  INTEGER,        -- allocated compute buffers
  est_weights_bytes INTEGER,     -- Ollama's estimate (new engine: model weights)
  est_kv_bytes      INTEGER,
  est_compute_bytes INTEGER,
  est_total_bytes   INTEGER,
  gpu_id         TEXT,           -- the inventory GPU (gpus.gpu_id) the device is, NULL
                                 -- when not a GPU or not matched (see gpu_match)
  gpu_match      TEXT,           -- the evidence: uuid (the runner's "Device N: ... ID:"),
                                 -- pci (its "using device X (...) (pci id)"), scheduler
                                 -- (the one GPU the scheduler gave the load), only_gpu
                                 -- (the host's one GPU of that library)
  name           TEXT,           -- the device as every report names it (names.c):
                                 -- "host: RTX 3090 #1" (host only when several),
                                 -- "CPU", "pinned host memory",
                                 -- "CUDA0 (not in the inventory)"
  PRIMARY KEY (load_id, device)
);

-- Estimate vs actual: per load, Ollama's estimate against what llama.cpp
-- or the Ollama engine allocated. device 'total' compares the load's
-- est_total_bytes with the allocations on the devices the estimate covers:
-- the GPUs (the part of loads.allocated_bytes on them), or, for a load with
-- nothing on a GPU, loads.allocated_bytes itself; other rows compare one
-- device (per-device estimates: Ollama engine layout, or the
-- memory.required.allocations list of "offload to ...").
CREATE TABLE IF NOT EXISTS estimate_vs_actual (
  load_id        INTEGER NOT NULL,
  device         TEXT NOT NULL,
  est_bytes      INTEGER,
  actual_bytes   INTEGER,
  diff_bytes     INTEGER,  -- actual - estimate
  ratio          REAL,     -- actual / estimate
  over_estimate  INTEGER,  -- 1 when the allocation exceeded the estimate by
                           -- more than 1% or 64 MiB (Ollama rounds its
                           -- figures to 0.1 GiB)
  oom_after_fit  INTEGER,  -- total row: the load failed out of memory after
                           -- Ollama decided it would fit
  basis          TEXT,     -- what was compared
  PRIMARY KEY (load_id, device)
);

-- Memory-release audit: after each ok load, did GPU and system memory come
-- back once the model was unloaded? One row per load that ended ok.
CREATE TABLE IF NOT EXISTS memory_release (
  load_id             INTEGER PRIMARY KEY,
  next_load_id        INTEGER,  -- the next load in the same source, if any
  unloaded            TEXT,     -- evidence that the model was unloaded, or NULL
  vram_before_bytes   INTEGER,  -- free VRAM (all GPUs) logged before the load
  vram_after_bytes    INTEGER,  -- free VRAM first logged after the unload
  vram_recovered      TEXT,     -- yes | no | unknown
  sys_before_bytes    INTEGER,  -- free system memory before the load
  sys_after_bytes     INTEGER,  -- ... after the unload
  sys_recovered       TEXT,     -- yes | no | unknown
  timeouts            INTEGER,  -- "didn't recover within timeout" lines for it
  timeout_seconds     REAL,     -- longest such wait
  verdict             TEXT,     -- released | not released | slow | cannot tell
  evidence            TEXT,     -- "line N (what): ..." lines the verdict rests on
  note                TEXT      -- what the log cannot tell, and why
);

-- Alerts, most severe first in reports.
CREATE TABLE IF NOT EXISTS alerts (
  id         INTEGER PRIMARY KEY,
  rule       TEXT NOT NULL,  -- vram_high | sysmem_high | vram_timeout | load_failed | oom | oom_after_fit | partial_offload | over_estimate
  severity   TEXT NOT NULL,  -- error | warning | info
  ts         TEXT,
  source_id  INTEGER,
  line       INTEGER,
  load_id    INTEGER,
  message    TEXT NOT NULL
);

-- Per model: the seed of the capacity review.
CREATE TABLE IF NOT EXISTS model_summary (
  model             TEXT PRIMARY KEY, -- digest or path, as loads.model
  model_name        TEXT,    -- general.name
  name              TEXT,    -- model_names.name
  architecture      TEXT,
  params            INTEGER,
  file_type         TEXT,
  file_size_bytes   INTEGER,
  bpw               REAL,
  loads             INTEGER,
  ok                INTEGER,
  failed            INTEGER,
  incomplete        INTEGER,
  load_seconds_min  REAL,  -- over ok loads with a reported time
  load_seconds_p50  REAL,  -- nearest-rank percentiles
  load_seconds_p95  REAL,
  load_seconds_max  REAL,
  layers_offloaded_min INTEGER,
  layers_offloaded_max INTEGER,
  layers_total      INTEGER,
  peak_memory_bytes INTEGER, -- largest loads.allocated_bytes (loads that allocated)
  hosts             TEXT,    -- comma-separated
  first_seen        TEXT,    -- UTC
  last_seen         TEXT
);

-- Ollama's names of a model blob (name:tag, as people type it; the
-- registry.ollama.ai/library/ prefix removed, other namespaces and
-- registries kept): printed in the log ("template selection", 0.30+) or
-- read from an Ollama models directory (--models DIR: the manifest whose
-- model layer is the blob). Kept across runs.
CREATE TABLE IF NOT EXISTS model_tags (
  model      TEXT NOT NULL,  -- blob digest sha256-<hex>, as loads.model
  tag        TEXT NOT NULL,  -- llama3.2:latest, hf.co/org/repo:Q4_K_M, ...
  origin     TEXT NOT NULL,  -- log | manifest
  source_id  INTEGER,        -- log: where it was printed first
  line       INTEGER,
  PRIMARY KEY (model, tag, origin)
);

-- One name per model, the same in every table, chart, sheet and file:
-- a tag from the log, else from --models, else general.name with size and
-- quantisation ("Meta Llama 3.1 8B Instruct Q4_K_M"), else the
-- architecture, else the file. Two models that would share a name get
-- their short digest in it. Rebuilt after every run.
CREATE TABLE IF NOT EXISTS model_names (
  model      TEXT PRIMARY KEY, -- as loads.model
  name       TEXT NOT NULL,
  origin     TEXT NOT NULL,    -- log | manifest | general.name | architecture | file
  tags       TEXT              -- every known tag, comma-separated
);

-- One name per inventory GPU, the same in every table, chart, sheet and
-- file: "<host>: <model> #<index>", the host only when the database holds
-- several; model = gpus description (else name) without "NVIDIA " and
-- "GeForce "; index = the GPU's place among its host's GPUs in inventory
-- order (first logged first), from 0. Rebuilt after every run.
CREATE TABLE IF NOT EXISTS gpu_names (
  source_id  INTEGER NOT NULL,
  gpu_id     TEXT NOT NULL,    -- as gpus.gpu_id ('' when none)
  host_name  TEXT NOT NULL,    -- names_host_short of the source (not "host":
                               -- often a file name, which --redact must not take
                               -- for a host)
  idx        INTEGER NOT NULL, -- place among the host's GPUs, from 0
  model      TEXT NOT NULL,    -- "RTX 3090"
  label      TEXT NOT NULL,    -- "gpu-b: Quadro RTX 6000 #1"
  PRIMARY KEY (source_id, gpu_id)
);

-- Per source: what happened to every line.
CREATE TABLE IF NOT EXISTS line_stats (
  source_id        INTEGER PRIMARY KEY,
  lines_total      INTEGER,  -- lines (records) read
  lines_blank      INTEGER,  -- empty after prefix removal
  lines_classified INTEGER,  -- stored in a category table or failures
  lines_noise      INTEGER,  -- recognised, not stored (GIN access log, ...)
  lines_unknown    INTEGER,  -- none of the above: kept in unknown_lines
  nul_bytes        INTEGER,  -- NUL bytes removed
  invalid_utf8     INTEGER,  -- lines whose invalid UTF-8 was replaced by U+FFFD
  crlf_lines       INTEGER,  -- lines that ended in CR LF
  encoding         TEXT,     -- utf-8, utf-8-bom, utf-16le or utf-16be (decoded
                             -- to UTF-8 before lines are split); NULL for an
                             -- InfluxDB export
  wrap_width       INTEGER,  -- console width the lines were hard-wrapped at, in
                             -- code points; 0 = not wrapped
  lines_rejoined   INTEGER,  -- physical lines joined onto the record before them
                             -- (physical lines = lines_total + lines_rejoined)
  prefix_shape     TEXT,     -- shape of the wrapper prefix removed from lines
                             -- (digits as 9, letters as a/A), NULL = none
  lines_prefixed   INTEGER   -- lines whose wrapper prefix (or PowerShell's
                             -- "ollama.exe : ") was removed
);

-- For inputs read from an InfluxDB CSV export: where each stored line came
-- from. `line` (in every table) is the line's position in the restored
-- shipping order, which is what load sequencing needs; this table maps it
-- back to the export, so evidence stays traceable to the CSV file.
CREATE TABLE IF NOT EXISTS csv_records (
  source_id  INTEGER NOT NULL,
  line       INTEGER NOT NULL,  -- as in the category tables
  csv_line   INTEGER NOT NULL,  -- physical line of the export where its record starts
  time_ns    INTEGER,           -- the point's time (UTC nanoseconds since the epoch)
  PRIMARY KEY (source_id, line)
);

-- Lines nothing recognised, so none is lost.
CREATE TABLE IF NOT EXISTS unknown_lines (
  source_id INTEGER NOT NULL,
  line      INTEGER NOT NULL,
  ts        TEXT,
  text      TEXT
);

CREATE INDEX IF NOT EXISTS unknown_lines_src ON unknown_lines(source_id, line);
