PRAGMA user_version = 2;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE sources (
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
INSERT INTO sources VALUES(1,'examples/ollama-0.6.1-journalctl-failure.log','lab-ws07','log',46599,'39480c98a18e91fc56cb0f0844f49d79583c960c6b6091ca9bc16a0db02c1be3','39480c98a18e91fc56cb0f0844f49d79583c960c6b6091ca9bc16a0db02c1be3',395,'2025-03-24T08:14:03.612Z','2025-03-24T08:24:40.000Z','ok','2026-12-06T06:03:26.000Z');
INSERT INTO sources VALUES(2,'examples/ollama-0.13.5-two-gpu.log',NULL,'log',27130,'339677de8cc63f89d04394167b2c23aed75ef79771688a5651eb682a2c8430a4','339677de8cc63f89d04394167b2c23aed75ef79771688a5651eb682a2c8430a4',288,'2026-01-15T00:41:05.118Z','2026-01-15T00:50:37.000Z','ok','2026-12-06T06:03:26.000Z');
CREATE TABLE source_parts (
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
CREATE TABLE vram_updates (
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
INSERT INTO vram_updates VALUES(1,2,84,'2026-01-15T00:43:53.517Z','+09:00',0,NULL,'INFO','vram_gpu_memory',3,'time=2026-01-15T09:43:53.517+09:00 level=INFO source=sched.go:450 msg="gpu memory" id=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 library=CUDA available="23.1 GiB" free="23.6 GiB" minimum="457.0 MiB" overhead="0 B"','gpu_memory','GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241','CUDA',NULL,24803436134,25340307046,479199232,0);
INSERT INTO vram_updates VALUES(2,2,85,'2026-01-15T00:43:53.517Z','+09:00',0,NULL,'INFO','vram_gpu_memory',3,'time=2026-01-15T09:43:53.517+09:00 level=INFO source=sched.go:450 msg="gpu memory" id=GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 library=CUDA available="23.1 GiB" free="23.5 GiB" minimum="457.0 MiB" overhead="0 B"','gpu_memory','GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80','CUDA',NULL,24803436134,25232932864,479199232,0);
INSERT INTO vram_updates VALUES(3,2,247,'2026-01-15T00:47:20.251Z','+09:00',0,NULL,'INFO','vram_updated',4,'time=2026-01-15T09:47:20.251+09:00 level=INFO source=sched.go:583 msg="updated VRAM based on existing loaded models" gpu=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 library=CUDA total="24.0 GiB" available="5.5 GiB"','updated','GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241','CUDA',25769803776,5905580032,NULL,NULL,NULL);
INSERT INTO vram_updates VALUES(4,2,248,'2026-01-15T00:47:20.251Z','+09:00',0,NULL,'INFO','vram_updated',4,'time=2026-01-15T09:47:20.251+09:00 level=INFO source=sched.go:583 msg="updated VRAM based on existing loaded models" gpu=GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 library=CUDA total="24.0 GiB" available="5.4 GiB"','updated','GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80','CUDA',25769803776,5798205850,NULL,NULL,NULL);
INSERT INTO vram_updates VALUES(5,2,252,'2026-01-15T00:47:20.330Z','+09:00',0,NULL,'INFO','vram_gpu_memory',4,'time=2026-01-15T09:47:20.330+09:00 level=INFO source=sched.go:450 msg="gpu memory" id=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 library=CUDA available="5.1 GiB" free="5.5 GiB" minimum="457.0 MiB" overhead="0 B"','gpu_memory','GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241','CUDA',NULL,5476083302,5905580032,479199232,0);
INSERT INTO vram_updates VALUES(6,2,253,'2026-01-15T00:47:20.330Z','+09:00',0,NULL,'INFO','vram_gpu_memory',4,'time=2026-01-15T09:47:20.330+09:00 level=INFO source=sched.go:450 msg="gpu memory" id=GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 library=CUDA available="5.0 GiB" free="5.4 GiB" minimum="457.0 MiB" overhead="0 B"','gpu_memory','GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80','CUDA',NULL,5368709120,5798205850,479199232,0);
CREATE TABLE system_memory (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind             TEXT,    -- system | update
  total_bytes      INTEGER,
  free_bytes       INTEGER,
  free_swap_bytes  INTEGER
);
INSERT INTO system_memory VALUES(1,1,14,'2025-03-24T08:20:47.371Z','+01:00',0,'lab-ws07','INFO','system_memory',1,'time=2025-03-24T09:20:47.371+01:00 level=INFO source=server.go:105 msg="system memory" total="31.2 GiB" free="24.9 GiB" free_swap="2.0 GiB"','system',33500744909,26736171418,2147483648);
INSERT INTO system_memory VALUES(2,1,220,'2025-03-24T08:21:30.803Z','+01:00',0,'lab-ws07','INFO','system_memory',2,'time=2025-03-24T09:21:30.803+01:00 level=INFO source=server.go:105 msg="system memory" total="31.2 GiB" free="24.7 GiB" free_swap="2.0 GiB"','system',33500744909,26521423053,2147483648);
INSERT INTO system_memory VALUES(3,2,83,'2026-01-15T00:43:53.517Z','+09:00',0,NULL,'INFO','system_memory',3,'time=2026-01-15T09:43:53.517+09:00 level=INFO source=sched.go:443 msg="system memory" total="251.5 GiB" free="238.9 GiB" free_swap="0 B"','system',270046068736,256516921754,0);
INSERT INTO system_memory VALUES(4,2,251,'2026-01-15T00:47:20.330Z','+09:00',0,NULL,'INFO','system_memory',4,'time=2026-01-15T09:47:20.330+09:00 level=INFO source=sched.go:443 msg="system memory" total="251.5 GiB" free="237.6 GiB" free_swap="0 B"','system',270046068736,255121057382,0);
CREATE TABLE fit_decisions (
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
INSERT INTO fit_decisions VALUES(1,1,13,'2025-03-24T08:20:47.219Z','+01:00',0,'lab-ws07','INFO','fit_single_gpu',1,'time=2025-03-24T09:20:47.219+01:00 level=INFO source=sched.go:715 msg="new model will fit in available VRAM in single GPU, loading" model=/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529 gpu=GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62 parallel=1 available=11381817344 required="10.2 GiB"','single_gpu','/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529','GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62',NULL,1,11381817344,10952166605,NULL,NULL);
INSERT INTO fit_decisions VALUES(2,1,219,'2025-03-24T08:21:30.656Z','+01:00',0,'lab-ws07','INFO','fit_single_gpu',2,'time=2025-03-24T09:21:30.656+01:00 level=INFO source=sched.go:715 msg="new model will fit in available VRAM in single GPU, loading" model=/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 gpu=GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62 parallel=1 available=10707083264 required="3.2 GiB"','single_gpu','/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425','GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62',NULL,1,10707083264,3435973837,NULL,NULL);
CREATE TABLE offload_estimates (
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
INSERT INTO offload_estimates VALUES(1,1,15,'2025-03-24T08:20:47.371Z','+01:00',0,'lab-ws07','INFO','offload',1,'time=2025-03-24T09:20:47.371+01:00 level=INFO source=server.go:138 msg=offload library=cuda layers.requested=-1 layers.model=49 layers.offload=49 layers.split="" memory.available="[10.6 GiB]" memory.gpu_overhead="0 B" memory.required.full="10.2 GiB" memory.required.partial="10.2 GiB" memory.required.kv="1.5 GiB" memory.required.allocations="[10.2 GiB]" memory.weights.total="8.0 GiB" memory.weights.repeating="7.4 GiB" memory.weights.nonrepeating="609.1 MiB" memory.graph.full="696.0 MiB" memory.graph.partial="916.1 MiB"','cuda',-1,49,49,'','[11381663334]',11381663334,0,10952166605,10952166605,1610612736,'[10952166605]',NULL,8589934592,7945689498,638687642,729808896,960600474,NULL,NULL);
INSERT INTO offload_estimates VALUES(2,1,221,'2025-03-24T08:21:30.803Z','+01:00',0,'lab-ws07','INFO','offload',2,'time=2025-03-24T09:21:30.803+01:00 level=INFO source=server.go:138 msg=offload library=cuda layers.requested=-1 layers.model=29 layers.offload=29 layers.split="" memory.available="[10.0 GiB]" memory.gpu_overhead="0 B" memory.required.full="3.2 GiB" memory.required.partial="3.2 GiB" memory.required.kv="896.0 MiB" memory.required.allocations="[3.2 GiB]" memory.weights.total="1.9 GiB" memory.weights.repeating="1.6 GiB" memory.weights.nonrepeating="308.2 MiB" memory.graph.full="424.0 MiB" memory.graph.partial="570.7 MiB"','cuda',-1,29,29,'','[10737418240]',10737418240,0,3435973837,3435973837,939524096,'[3435973837]',NULL,2040109466,1717986918,323171123,444596224,598422323,NULL,NULL);
CREATE TABLE memory_buffers (
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
INSERT INTO memory_buffers VALUES(1,1,199,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv_buffer',1,'llama_kv_cache_init:      CUDA0 KV buffer size =  1536.00 MiB','llama.cpp','kv','CUDA0',1610612736,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(2,1,200,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv_self_size',1,'llama_init_from_model: KV self size  = 1536.00 MiB, K (f16):  768.00 MiB, V (f16):  768.00 MiB','llama.cpp','kv',NULL,1610612736,805306368,805306368,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(3,1,201,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_output_buffer',1,'llama_init_from_model:  CUDA_Host  output buffer size =     0.60 MiB','llama.cpp','output','CUDA_Host',629146,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(4,1,385,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv_buffer',2,'llama_kv_cache_init:      CUDA0 KV buffer size =   896.00 MiB','llama.cpp','kv','CUDA0',939524096,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(5,1,386,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv_self_size',2,'llama_init_from_model: KV self size  =  896.00 MiB, K (f16):  448.00 MiB, V (f16):  448.00 MiB','llama.cpp','kv',NULL,939524096,469762048,469762048,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(6,1,387,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_output_buffer',2,'llama_init_from_model:  CUDA_Host  output buffer size =     0.50 MiB','llama.cpp','output','CUDA_Host',524288,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(7,1,388,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_compute_buffer',2,'llama_init_from_model:      CUDA0 compute buffer size =   424.00 MiB','llama.cpp','compute','CUDA0',444596224,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(8,1,389,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_compute_buffer',2,'llama_init_from_model:  CUDA_Host compute buffer size =    22.01 MiB','llama.cpp','compute','CUDA_Host',23079158,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(9,2,87,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_model_weights',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:240 msg="model weights" device=CUDA0 size="15.7 GiB"','ollama','weights','CUDA0',16857746637,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(10,2,88,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_model_weights',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:240 msg="model weights" device=CUDA1 size="15.8 GiB"','ollama','weights','CUDA1',16965120819,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(11,2,89,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_kv_cache',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:251 msg="kv cache" device=CUDA0 size="1.3 GiB"','ollama','kv','CUDA0',1395864371,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(12,2,90,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_kv_cache',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:251 msg="kv cache" device=CUDA1 size="1.2 GiB"','ollama','kv','CUDA1',1288490189,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(13,2,91,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_compute_graph',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:262 msg="compute graph" device=CUDA0 size="1.1 GiB"','ollama','compute','CUDA0',1181116006,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(14,2,92,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_compute_graph',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:262 msg="compute graph" device=CUDA1 size="1.1 GiB"','ollama','compute','CUDA1',1181116006,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(15,2,93,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','ollama_total_memory',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=device.go:272 msg="total memory" size="36.2 GiB"','ollama','total',NULL,38869454029,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(16,2,228,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_output_buffer',3,'llama_context:  CUDA_Host  output buffer size =     0.52 MiB','llama.cpp','output','CUDA_Host',545260,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(17,2,229,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_kv_buffer',3,'llama_kv_cache:      CUDA0 KV buffer size =  1312.00 MiB','llama.cpp','kv','CUDA0',1375731712,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(18,2,230,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_kv_buffer',3,'llama_kv_cache:      CUDA1 KV buffer size =  1248.00 MiB','llama.cpp','kv','CUDA1',1308622848,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(19,2,231,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_kv_cache_size',3,'llama_kv_cache: size = 2560.00 MiB (  8192 cells,  80 layers,  1/1 seqs), K (f16): 1280.00 MiB, V (f16): 1280.00 MiB','llama.cpp','kv',NULL,2684354560,1342177280,1342177280,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(20,2,234,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_compute_buffer',3,'llama_context:      CUDA0 compute buffer size =   560.04 MiB','llama.cpp','compute','CUDA0',587244503,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(21,2,235,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_compute_buffer',3,'llama_context:      CUDA1 compute buffer size =   602.55 MiB','llama.cpp','compute','CUDA1',631819469,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(22,2,236,'2026-01-15T00:44:00.000Z','+09:00',1,NULL,NULL,'llamacpp_compute_buffer',3,'llama_context:  CUDA_Host compute buffer size =    80.05 MiB','llama.cpp','compute','CUDA_Host',83938509,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(23,2,271,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','ollama_model_weights',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=device.go:240 msg="model weights" device=CUDA1 size="579.4 MiB"','ollama','weights','CUDA1',607544934,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(24,2,272,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','ollama_model_weights',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=device.go:245 msg="model weights" device=CPU size="59.6 MiB"','ollama','weights','CPU',62495130,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(25,2,273,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','ollama_compute_graph',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=device.go:262 msg="compute graph" device=CUDA1 size="92.0 MiB"','ollama','compute','CUDA1',96468992,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(26,2,274,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','ollama_compute_graph',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=device.go:267 msg="compute graph" device=CPU size="1.5 MiB"','ollama','compute','CPU',1572864,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO memory_buffers VALUES(27,2,275,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','ollama_total_memory',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=device.go:272 msg="total memory" size="732.5 MiB"','ollama','total',NULL,768081920,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE vram_timeouts (
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
CREATE TABLE gpus (
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
INSERT INTO gpus VALUES(1,1,7,'2025-03-24T08:14:03.902Z','+01:00',0,'lab-ws07','INFO','gpu_inference_compute',NULL,'time=2025-03-24T09:14:03.902+01:00 level=INFO source=types.go:130 msg="inference compute" id=GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62 library=cuda variant=v12 compute=8.6 driver=12.8 name="NVIDIA GeForce RTX 3060" total="11.6 GiB" available="11.3 GiB"','GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62',NULL,'cuda','v12','8.6','12.8','NVIDIA GeForce RTX 3060',NULL,NULL,NULL,NULL,12455405158,12133282611);
INSERT INTO gpus VALUES(2,2,13,'2026-01-15T00:41:06.689Z','+09:00',0,NULL,'INFO','gpu_inference_compute',NULL,'time=2026-01-15T09:41:06.689+09:00 level=INFO source=types.go:42 msg="inference compute" id=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 filter_id="" library=CUDA compute=8.6 name=CUDA0 description="NVIDIA GeForce RTX 3090" libdirs=ollama,cuda_v13 driver=13.0 pci_id=0000:17:00.0 type=discrete total="24.0 GiB" available="23.6 GiB"','GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241','','CUDA',NULL,'8.6','13.0','CUDA0','NVIDIA GeForce RTX 3090','ollama,cuda_v13','0000:17:00.0','discrete',25769803776,25340307046);
INSERT INTO gpus VALUES(3,2,14,'2026-01-15T00:41:06.689Z','+09:00',0,NULL,'INFO','gpu_inference_compute',NULL,'time=2026-01-15T09:41:06.689+09:00 level=INFO source=types.go:42 msg="inference compute" id=GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 filter_id="" library=CUDA compute=8.6 name=CUDA1 description="NVIDIA GeForce RTX 3090" libdirs=ollama,cuda_v13 driver=13.0 pci_id=0000:65:00.0 type=discrete total="24.0 GiB" available="23.5 GiB"','GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80','','CUDA',NULL,'8.6','13.0','CUDA1','NVIDIA GeForce RTX 3090','ollama,cuda_v13','0000:65:00.0','discrete',25769803776,25232932864);
CREATE TABLE token_caches (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind        TEXT,     -- special_tokens | token_to_piece
  count       INTEGER,  -- special tokens
  vocab_size  INTEGER,  -- old "definition check successful ( 259/32000 )"
  size_bytes  INTEGER   -- token to piece cache ("0.7999 MB" = MiB)
);
INSERT INTO token_caches VALUES(1,1,48,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_special_tokens_cache',1,'load: special tokens cache size = 22','special_tokens',22,NULL,NULL);
INSERT INTO token_caches VALUES(2,1,49,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_token_to_piece_cache',1,'load: token to piece cache size = 0.9310 MB','token_to_piece',NULL,NULL,976224);
INSERT INTO token_caches VALUES(3,1,123,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_special_tokens_cache',1,'load: special tokens cache size = 22','special_tokens',22,NULL,NULL);
INSERT INTO token_caches VALUES(4,1,124,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_token_to_piece_cache',1,'load: token to piece cache size = 0.9310 MB','token_to_piece',NULL,NULL,976224);
INSERT INTO token_caches VALUES(5,1,253,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_special_tokens_cache',2,'load: special tokens cache size = 256','special_tokens',256,NULL,NULL);
INSERT INTO token_caches VALUES(6,1,254,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_token_to_piece_cache',2,'load: token to piece cache size = 0.7999 MB','token_to_piece',NULL,NULL,838756);
INSERT INTO token_caches VALUES(7,1,318,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_special_tokens_cache',2,'load: special tokens cache size = 256','special_tokens',256,NULL,NULL);
INSERT INTO token_caches VALUES(8,1,319,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_token_to_piece_cache',2,'load: token to piece cache size = 0.7999 MB','token_to_piece',NULL,NULL,838756);
INSERT INTO token_caches VALUES(9,2,61,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_special_tokens_cache',3,'load: special tokens cache size = 256','special_tokens',256,NULL,NULL);
INSERT INTO token_caches VALUES(10,2,62,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_token_to_piece_cache',3,'load: token to piece cache size = 0.7999 MB','token_to_piece',NULL,NULL,838756);
INSERT INTO token_caches VALUES(11,2,154,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_special_tokens_cache',3,'load: special tokens cache size = 256','special_tokens',256,NULL,NULL);
INSERT INTO token_caches VALUES(12,2,155,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_token_to_piece_cache',3,'load: token to piece cache size = 0.7999 MB','token_to_piece',NULL,NULL,838756);
CREATE TABLE model_files (
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
INSERT INTO model_files VALUES(1,1,16,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loaded_meta',1,'llama_model_loader: loaded meta data with 24 key-value pairs and 579 tensors from /usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529 (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529',24,579,NULL);
INSERT INTO model_files VALUES(2,1,45,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_format',1,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(3,1,46,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_type',1,'print_info: file type   = Q4_K - Medium','file_type',NULL,NULL,'Q4_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(4,1,47,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_size',1,'print_info: file size   = 8.37 GiB (4.87 BPW)','size',8987219067,4.8700000000000001065,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(5,1,90,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loaded_meta',1,'llama_model_loader: loaded meta data with 24 key-value pairs and 579 tensors from /usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529 (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529',24,579,NULL);
INSERT INTO model_files VALUES(6,1,119,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_format',1,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(7,1,120,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_type',1,'print_info: file type   = Q4_K - Medium','file_type',NULL,NULL,'Q4_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(8,1,121,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_size',1,'print_info: file size   = 8.37 GiB (4.87 BPW)','size',8987219067,4.8700000000000001065,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(9,1,222,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loaded_meta',2,'llama_model_loader: loaded meta data with 23 key-value pairs and 255 tensors from /usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425',23,255,NULL);
INSERT INTO model_files VALUES(10,1,250,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_format',2,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(11,1,251,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_type',2,'print_info: file type   = Q4_K - Medium','file_type',NULL,NULL,'Q4_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(12,1,252,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_size',2,'print_info: file size   = 1.87 GiB (5.01 BPW)','size',2007897211,5.0099999999999997868,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(13,1,286,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loaded_meta',2,'llama_model_loader: loaded meta data with 23 key-value pairs and 255 tensors from /usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425',23,255,NULL);
INSERT INTO model_files VALUES(14,1,314,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_format',2,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(15,1,315,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_file_type',2,'print_info: file type   = Q4_K - Medium','file_type',NULL,NULL,'Q4_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(16,1,316,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_size',2,'print_info: file size   = 1.87 GiB (5.01 BPW)','size',2007897211,5.0099999999999997868,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(17,2,18,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_loaded_meta',3,'llama_model_loader: loaded meta data with 29 key-value pairs and 724 tensors from /data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b',29,724,NULL);
INSERT INTO model_files VALUES(18,2,54,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_file_format',3,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(19,2,55,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_file_type',3,'print_info: file type   = Q3_K - Medium','file_type',NULL,NULL,'Q3_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(20,2,56,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_model_size',3,'print_info: file size   = 31.91 GiB (3.89 BPW) ','size',34263101604,3.8900000000000001243,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(21,2,111,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_loaded_meta',3,'llama_model_loader: loaded meta data with 29 key-value pairs and 724 tensors from /data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b (version GGUF V3 (latest))','loaded',NULL,NULL,'GGUF V3 (latest)','/data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b',29,724,NULL);
INSERT INTO model_files VALUES(22,2,147,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_file_format',3,'print_info: file format = GGUF V3 (latest)','file_format',NULL,NULL,'GGUF V3 (latest)',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(23,2,148,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_file_type',3,'print_info: file type   = Q3_K - Medium','file_type',NULL,NULL,'Q3_K - Medium',NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(24,2,149,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_model_size',3,'print_info: file size   = 31.91 GiB (3.89 BPW) ','size',34263101604,3.8900000000000001243,NULL,NULL,NULL,NULL,NULL);
INSERT INTO model_files VALUES(25,2,258,'2026-01-15T00:47:20.358Z','+09:00',0,NULL,'INFO','ollama_model_file',4,'time=2026-01-15T09:47:20.358+09:00 level=INFO source=ggml.go:136 msg="" architecture=bert file_type=F16 name=mxbai-embed-large-v1 description="" num_tensors=389 num_key_values=23','ollama_model',NULL,NULL,'F16',NULL,23,389,'bert');
CREATE TABLE tensor_loads (
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
INSERT INTO tensor_loads VALUES(1,1,183,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loading_tensors',1,'load_tensors: loading model tensors, this can take a while... (mmap = true)','loading',NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO tensor_loads VALUES(2,1,184,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloading_repeating',1,'load_tensors: offloading 48 repeating layers to GPU','offloading_repeating',48,NULL,NULL,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(3,1,185,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloading_output',1,'load_tensors: offloading output layer to GPU','offloading_output',NULL,NULL,NULL,'GPU',NULL,NULL);
INSERT INTO tensor_loads VALUES(4,1,186,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloaded',1,'load_tensors: offloaded 49/49 layers to GPU','offloaded',NULL,49,49,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(5,1,187,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_buffer',1,'load_tensors:        CUDA0 model buffer size =  8148.38 MiB','buffer',NULL,NULL,NULL,'CUDA0',8544195707,NULL);
INSERT INTO tensor_loads VALUES(6,1,188,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_buffer',1,'load_tensors:   CPU_Mapped model buffer size =   417.66 MiB','buffer',NULL,NULL,NULL,'CPU_Mapped',437948252,NULL);
INSERT INTO tensor_loads VALUES(7,1,369,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_loading_tensors',2,'load_tensors: loading model tensors, this can take a while... (mmap = true)','loading',NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO tensor_loads VALUES(8,1,370,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloading_repeating',2,'load_tensors: offloading 28 repeating layers to GPU','offloading_repeating',28,NULL,NULL,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(9,1,371,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloading_output',2,'load_tensors: offloading output layer to GPU','offloading_output',NULL,NULL,NULL,'GPU',NULL,NULL);
INSERT INTO tensor_loads VALUES(10,1,372,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_offloaded',2,'load_tensors: offloaded 29/29 layers to GPU','offloaded',NULL,29,29,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(11,1,373,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_buffer',2,'load_tensors:        CUDA0 model buffer size =  1918.35 MiB','buffer',NULL,NULL,NULL,'CUDA0',2011535770,NULL);
INSERT INTO tensor_loads VALUES(12,1,374,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_buffer',2,'load_tensors:   CPU_Mapped model buffer size =   308.23 MiB','buffer',NULL,NULL,NULL,'CPU_Mapped',323202580,NULL);
INSERT INTO tensor_loads VALUES(13,2,208,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_loading_tensors',3,'load_tensors: loading model tensors, this can take a while... (mmap = true)','loading',NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO tensor_loads VALUES(14,2,209,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_offloading_repeating',3,'load_tensors: offloading 80 repeating layers to GPU','offloading_repeating',80,NULL,NULL,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(15,2,210,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_offloading_output',3,'load_tensors: offloading output layer to GPU','offloading_output',NULL,NULL,NULL,'GPU',NULL,NULL);
INSERT INTO tensor_loads VALUES(16,2,211,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_offloaded',3,'load_tensors: offloaded 81/81 layers to GPU','offloaded',NULL,81,81,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(17,2,212,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_buffer',3,'load_tensors:   CPU_Mapped model buffer size =   430.51 MiB','buffer',NULL,NULL,NULL,'CPU_Mapped',451422454,NULL);
INSERT INTO tensor_loads VALUES(18,2,213,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_buffer',3,'load_tensors:        CUDA0 model buffer size = 16104.80 MiB','buffer',NULL,NULL,NULL,'CUDA0',16887106765,NULL);
INSERT INTO tensor_loads VALUES(19,2,214,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_buffer',3,'load_tensors:        CUDA1 model buffer size = 16140.79 MiB','buffer',NULL,NULL,NULL,'CUDA1',16924845015,NULL);
INSERT INTO tensor_loads VALUES(20,2,278,'2026-01-15T00:47:21.110Z','+09:00',0,NULL,'INFO','ollama_offloading_repeating',4,'time=2026-01-15T09:47:21.110+09:00 level=INFO source=ggml.go:482 msg="offloading 24 repeating layers to GPU"','offloading_repeating',24,NULL,NULL,NULL,NULL,NULL);
INSERT INTO tensor_loads VALUES(21,2,279,'2026-01-15T00:47:21.110Z','+09:00',0,NULL,'INFO','ollama_offloading_output',4,'time=2026-01-15T09:47:21.110+09:00 level=INFO source=ggml.go:489 msg="offloading output layer to GPU"','offloading_output',NULL,NULL,NULL,'GPU',NULL,NULL);
INSERT INTO tensor_loads VALUES(22,2,280,'2026-01-15T00:47:21.110Z','+09:00',0,NULL,'INFO','ollama_offloaded',4,'time=2026-01-15T09:47:21.110+09:00 level=INFO source=ggml.go:494 msg="offloaded 25/25 layers to GPU"','offloaded',NULL,25,25,NULL,NULL,NULL);
CREATE TABLE model_params (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind          TEXT,     -- params | model_type | started
  params        INTEGER,  -- parameter count ("7.24 B" = 7240000000)
  value         TEXT,     -- as printed ("7.24 B", "8B")
  load_seconds  REAL      -- started: "llama runner started in X seconds"
);
INSERT INTO model_params VALUES(1,1,52,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_type',1,'print_info: model type       = ?B','model_type',NULL,'?B',NULL);
INSERT INTO model_params VALUES(2,1,53,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_params',1,'print_info: model params     = 14.77 B','params',14770000000,'14.77 B',NULL);
INSERT INTO model_params VALUES(3,1,160,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_type',1,'print_info: model type       = 14B','model_type',NULL,'14B',NULL);
INSERT INTO model_params VALUES(4,1,161,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_params',1,'print_info: model params     = 14.77 B','params',14770000000,'14.77 B',NULL);
INSERT INTO model_params VALUES(5,1,257,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_type',2,'print_info: model type       = ?B','model_type',NULL,'?B',NULL);
INSERT INTO model_params VALUES(6,1,258,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_params',2,'print_info: model params     = 3.21 B','params',3210000000,'3.21 B',NULL);
INSERT INTO model_params VALUES(7,1,355,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_type',2,'print_info: model type       = 3B','model_type',NULL,'3B',NULL);
INSERT INTO model_params VALUES(8,1,356,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_model_params',2,'print_info: model params     = 3.21 B','params',3210000000,'3.21 B',NULL);
INSERT INTO model_params VALUES(9,1,392,'2025-03-24T08:21:33.039Z','+01:00',0,'lab-ws07','INFO','runner_started',2,'time=2025-03-24T09:21:33.039+01:00 level=INFO source=server.go:624 msg="llama runner started in 2.05 seconds"','started',NULL,NULL,2.0499999999999998223);
INSERT INTO model_params VALUES(10,2,66,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_model_type',3,'print_info: model type       = ?B','model_type',NULL,'?B',NULL);
INSERT INTO model_params VALUES(11,2,67,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_model_params',3,'print_info: model params     = 70.55 B','params',70550000000,'70.55 B',NULL);
INSERT INTO model_params VALUES(12,2,193,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_model_type',3,'print_info: model type       = 70B','model_type',NULL,'70B',NULL);
INSERT INTO model_params VALUES(13,2,194,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_model_params',3,'print_info: model params     = 70.55 B','params',70550000000,'70.55 B',NULL);
INSERT INTO model_params VALUES(14,2,239,'2026-01-15T00:44:15.927Z','+09:00',0,NULL,'INFO','runner_started',3,'time=2026-01-15T09:44:15.927+09:00 level=INFO source=server.go:1376 msg="llama runner started in 22.41 seconds"','started',NULL,NULL,22.410000000000000141);
INSERT INTO model_params VALUES(15,2,242,'2026-01-15T00:44:15.928Z','+09:00',0,NULL,'INFO','runner_started',3,'time=2026-01-15T09:44:15.928+09:00 level=INFO source=server.go:1376 msg="llama runner started in 22.41 seconds"','started',NULL,NULL,22.410000000000000141);
INSERT INTO model_params VALUES(16,2,282,'2026-01-15T00:47:21.573Z','+09:00',0,NULL,'INFO','runner_started',4,'time=2026-01-15T09:47:21.573+09:00 level=INFO source=server.go:1376 msg="llama runner started in 1.31 seconds"','started',NULL,NULL,1.3100000000000000532);
CREATE TABLE runners (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  kind          TEXT,     -- listening | start | go_runner | ollama_engine | server_listening | loaded_runners | dynamic_server | load_request | loading_model | llama_server_model | model_loaded | main_loop
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
  count         INTEGER   -- loaded_runners
);
INSERT INTO runners VALUES(1,1,5,'2025-03-24T08:14:03.613Z','+01:00',0,'lab-ws07','INFO','server_listening_version',NULL,'time=2025-03-24T09:14:03.613+01:00 level=INFO source=routes.go:1297 msg="Listening on 127.0.0.1:11434 (version 0.6.1)"','listening',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'127.0.0.1:11434','0.6.1',NULL);
INSERT INTO runners VALUES(2,1,76,'2025-03-24T08:20:47.536Z','+01:00',0,'lab-ws07','INFO','runner_start',1,'time=2025-03-24T09:20:47.536+01:00 level=INFO source=server.go:405 msg="starting llama server" cmd="/usr/local/bin/ollama runner --model /usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529 --ctx-size 8192 --batch-size 512 --n-gpu-layers 49 --threads 6 --parallel 1 --port 39457"','start','/usr/local/bin/ollama runner --model /usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529 --ctx-size 8192 --batch-size 512 --n-gpu-layers 49 --threads 6 --parallel 1 --port 39457','/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529',0,0,39457,8192,512,1,49,NULL,NULL,6,NULL,NULL,NULL);
INSERT INTO runners VALUES(3,1,77,'2025-03-24T08:20:47.536Z','+01:00',0,'lab-ws07','INFO','runner_loaded_runners',1,'time=2025-03-24T09:20:47.536+01:00 level=INFO source=sched.go:450 msg="loaded runners" count=1','loaded_runners',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO runners VALUES(4,1,80,'2025-03-24T08:20:47.549Z','+01:00',0,'lab-ws07','INFO','runner_go_runner',1,'time=2025-03-24T09:20:47.549+01:00 level=INFO source=runner.go:931 msg="starting go runner"','go_runner',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(5,1,88,'2025-03-24T08:20:47.611Z','+01:00',0,'lab-ws07','INFO','runner_server_listening',1,'time=2025-03-24T09:20:47.611+01:00 level=INFO source=runner.go:991 msg="Server listening on 127.0.0.1:39457"','server_listening',NULL,NULL,NULL,NULL,39457,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'127.0.0.1:39457',NULL,NULL);
INSERT INTO runners VALUES(6,1,272,'2025-03-24T08:21:30.991Z','+01:00',0,'lab-ws07','INFO','runner_start',2,'time=2025-03-24T09:21:30.991+01:00 level=INFO source=server.go:405 msg="starting llama server" cmd="/usr/local/bin/ollama runner --model /usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 --ctx-size 8192 --batch-size 512 --n-gpu-layers 29 --threads 6 --parallel 1 --port 44613"','start','/usr/local/bin/ollama runner --model /usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 --ctx-size 8192 --batch-size 512 --n-gpu-layers 29 --threads 6 --parallel 1 --port 44613','/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425',0,0,44613,8192,512,1,29,NULL,NULL,6,NULL,NULL,NULL);
INSERT INTO runners VALUES(7,1,273,'2025-03-24T08:21:30.991Z','+01:00',0,'lab-ws07','INFO','runner_loaded_runners',2,'time=2025-03-24T09:21:30.991+01:00 level=INFO source=sched.go:450 msg="loaded runners" count=1','loaded_runners',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO runners VALUES(8,1,276,'2025-03-24T08:21:31.004Z','+01:00',0,'lab-ws07','INFO','runner_go_runner',2,'time=2025-03-24T09:21:31.004+01:00 level=INFO source=runner.go:931 msg="starting go runner"','go_runner',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(9,1,284,'2025-03-24T08:21:31.066Z','+01:00',0,'lab-ws07','INFO','runner_server_listening',2,'time=2025-03-24T09:21:31.066+01:00 level=INFO source=runner.go:991 msg="Server listening on 127.0.0.1:44613"','server_listening',NULL,NULL,NULL,NULL,44613,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'127.0.0.1:44613',NULL,NULL);
INSERT INTO runners VALUES(10,2,4,'2026-01-15T00:41:05.122Z','+09:00',0,NULL,'INFO','server_listening_version',NULL,'time=2026-01-15T09:41:05.122+09:00 level=INFO source=routes.go:1607 msg="Listening on [::]:11434 (version 0.13.5)"','listening',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'[::]:11434','0.13.5',NULL);
INSERT INTO runners VALUES(11,2,6,'2026-01-15T00:41:05.126Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:05.126+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 43817"','start','/usr/local/bin/ollama runner --ollama-engine --port 43817',NULL,1,1,43817,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(12,2,7,'2026-01-15T00:41:05.702Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:05.702+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 35209"','start','/usr/local/bin/ollama runner --ollama-engine --port 35209',NULL,1,1,35209,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(13,2,9,'2026-01-15T00:41:06.234Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:06.234+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 41163"','start','/usr/local/bin/ollama runner --ollama-engine --port 41163',NULL,1,1,41163,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(14,2,10,'2026-01-15T00:41:06.234Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:06.234+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 39985"','start','/usr/local/bin/ollama runner --ollama-engine --port 39985',NULL,1,1,39985,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(15,2,11,'2026-01-15T00:41:06.235Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:06.235+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 46521"','start','/usr/local/bin/ollama runner --ollama-engine --port 46521',NULL,1,1,46521,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(16,2,12,'2026-01-15T00:41:06.235Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:41:06.235+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 33077"','start','/usr/local/bin/ollama runner --ollama-engine --port 33077',NULL,1,1,33077,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(17,2,17,'2026-01-15T00:43:52.604Z','+09:00',0,NULL,'INFO','runner_start',NULL,'time=2026-01-15T09:43:52.604+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 38211"','start','/usr/local/bin/ollama runner --ollama-engine --port 38211',NULL,1,1,38211,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(18,2,82,'2026-01-15T00:43:53.517Z','+09:00',0,NULL,'INFO','runner_start',3,'time=2026-01-15T09:43:53.517+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --model /data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b --port 45129"','start','/usr/local/bin/ollama runner --model /data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b --port 45129','/data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b',0,0,45129,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(19,2,86,'2026-01-15T00:43:53.518Z','+09:00',0,NULL,'INFO','runner_loading_model',3,'time=2026-01-15T09:43:53.518+09:00 level=INFO source=server.go:496 msg="loading model" "model layers"=81 requested=-1','loading_model',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,-1,81,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(20,2,94,'2026-01-15T00:43:53.531Z','+09:00',0,NULL,'INFO','runner_go_runner',3,'time=2026-01-15T09:43:53.531+09:00 level=INFO source=runner.go:965 msg="starting go runner"','go_runner',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(21,2,103,'2026-01-15T00:43:53.761Z','+09:00',0,NULL,'INFO','runner_server_listening',3,'time=2026-01-15T09:43:53.761+09:00 level=INFO source=runner.go:1001 msg="Server listening on 127.0.0.1:45129"','server_listening',NULL,NULL,NULL,NULL,45129,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'127.0.0.1:45129',NULL,NULL);
INSERT INTO runners VALUES(22,2,104,'2026-01-15T00:43:53.768Z','+09:00',0,NULL,'INFO','runner_load_request',3,'time=2026-01-15T09:43:53.768+09:00 level=INFO source=runner.go:895 msg=load request="{Operation:commit LoraPath:[] Parallel:1 BatchSize:512 FlashAttention:Auto KvSize:8192 KvCacheType: NumThreads:16 GPULayers:81[ID:GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 Layers:41(0..40) ID:GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 Layers:40(41..80)] MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:true}"','load_request',NULL,NULL,NULL,NULL,NULL,8192,512,1,81,NULL,NULL,16,NULL,NULL,NULL);
INSERT INTO runners VALUES(23,2,240,'2026-01-15T00:44:15.927Z','+09:00',0,NULL,'INFO','runner_loaded_runners',3,'time=2026-01-15T09:44:15.927+09:00 level=INFO source=sched.go:517 msg="loaded runners" count=1','loaded_runners',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO runners VALUES(24,2,246,'2026-01-15T00:47:20.085Z','+09:00',0,NULL,'INFO','runner_start',3,'time=2026-01-15T09:47:20.085+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --port 36677"','start','/usr/local/bin/ollama runner --ollama-engine --port 36677',NULL,1,1,36677,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(25,2,250,'2026-01-15T00:47:20.263Z','+09:00',0,NULL,'INFO','runner_start',4,'time=2026-01-15T09:47:20.263+09:00 level=INFO source=server.go:429 msg="starting runner" cmd="/usr/local/bin/ollama runner --ollama-engine --model /data/ollama/models/blobs/sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf --port 42795"','start','/usr/local/bin/ollama runner --ollama-engine --model /data/ollama/models/blobs/sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf --port 42795','/data/ollama/models/blobs/sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf',0,1,42795,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(26,2,254,'2026-01-15T00:47:20.330Z','+09:00',0,NULL,'INFO','runner_loading_model',4,'time=2026-01-15T09:47:20.330+09:00 level=INFO source=server.go:746 msg="loading model" "model layers"=25 requested=-1','loading_model',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,-1,25,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(27,2,255,'2026-01-15T00:47:20.346Z','+09:00',0,NULL,'INFO','runner_ollama_engine',4,'time=2026-01-15T09:47:20.346+09:00 level=INFO source=runner.go:1405 msg="starting ollama engine"','ollama_engine',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO runners VALUES(28,2,256,'2026-01-15T00:47:20.347Z','+09:00',0,NULL,'INFO','runner_server_listening',4,'time=2026-01-15T09:47:20.347+09:00 level=INFO source=runner.go:1440 msg="Server listening on 127.0.0.1:42795"','server_listening',NULL,NULL,NULL,NULL,42795,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'127.0.0.1:42795',NULL,NULL);
INSERT INTO runners VALUES(29,2,257,'2026-01-15T00:47:20.355Z','+09:00',0,NULL,'INFO','runner_load_request',4,'time=2026-01-15T09:47:20.355+09:00 level=INFO source=runner.go:1278 msg=load request="{Operation:fit LoraPath:[] Parallel:1 BatchSize:512 FlashAttention:Disabled KvSize:512 KvCacheType: NumThreads:16 GPULayers:25[ID:GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 Layers:25(0..24)] MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:false}"','load_request',NULL,NULL,NULL,NULL,NULL,512,512,1,25,NULL,NULL,16,NULL,NULL,NULL);
INSERT INTO runners VALUES(30,2,268,'2026-01-15T00:47:21.104Z','+09:00',0,NULL,'INFO','runner_load_request',4,'time=2026-01-15T09:47:21.104+09:00 level=INFO source=runner.go:1278 msg=load request="{Operation:alloc LoraPath:[] Parallel:1 BatchSize:512 FlashAttention:Disabled KvSize:512 KvCacheType: NumThreads:16 GPULayers:25[ID:GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 Layers:25(0..24)] MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:false}"','load_request',NULL,NULL,NULL,NULL,NULL,512,512,1,25,NULL,NULL,16,NULL,NULL,NULL);
INSERT INTO runners VALUES(31,2,270,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','runner_load_request',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=runner.go:1278 msg=load request="{Operation:commit LoraPath:[] Parallel:1 BatchSize:512 FlashAttention:Disabled KvSize:512 KvCacheType: NumThreads:16 GPULayers:25[ID:GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 Layers:25(0..24)] MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:false}"','load_request',NULL,NULL,NULL,NULL,NULL,512,512,1,25,NULL,NULL,16,NULL,NULL,NULL);
INSERT INTO runners VALUES(32,2,276,'2026-01-15T00:47:21.109Z','+09:00',0,NULL,'INFO','runner_loaded_runners',4,'time=2026-01-15T09:47:21.109+09:00 level=INFO source=sched.go:517 msg="loaded runners" count=2','loaded_runners',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,2);
CREATE TABLE model_metadata (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  idx    INTEGER,  -- kv index
  key    TEXT,
  type   TEXT,     -- str, u32, arr[str,58980], ...
  value  TEXT
);
INSERT INTO model_metadata VALUES(1,1,18,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   0:                       general.architecture str              = qwen2',0,'general.architecture','str','qwen2');
INSERT INTO model_metadata VALUES(2,1,19,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(3,1,20,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   2:                               general.name str              = Qwen2.5 14B Instruct',2,'general.name','str','Qwen2.5 14B Instruct');
INSERT INTO model_metadata VALUES(4,1,21,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   3:                           general.basename str              = Qwen2.5',3,'general.basename','str','Qwen2.5');
INSERT INTO model_metadata VALUES(5,1,22,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   4:                         general.size_label str              = 14B',4,'general.size_label','str','14B');
INSERT INTO model_metadata VALUES(6,1,23,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   5:                          qwen2.block_count u32              = 48',5,'qwen2.block_count','u32','48');
INSERT INTO model_metadata VALUES(7,1,24,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   6:                       qwen2.context_length u32              = 32768',6,'qwen2.context_length','u32','32768');
INSERT INTO model_metadata VALUES(8,1,25,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   7:                     qwen2.embedding_length u32              = 5120',7,'qwen2.embedding_length','u32','5120');
INSERT INTO model_metadata VALUES(9,1,26,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   8:                  qwen2.feed_forward_length u32              = 13824',8,'qwen2.feed_forward_length','u32','13824');
INSERT INTO model_metadata VALUES(10,1,27,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   9:                 qwen2.attention.head_count u32              = 40',9,'qwen2.attention.head_count','u32','40');
INSERT INTO model_metadata VALUES(11,1,28,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  10:              qwen2.attention.head_count_kv u32              = 8',10,'qwen2.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(12,1,29,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  11:                       qwen2.rope.freq_base f32              = 1000000.000000',11,'qwen2.rope.freq_base','f32','1000000.000000');
INSERT INTO model_metadata VALUES(13,1,30,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  12:     qwen2.attention.layer_norm_rms_epsilon f32              = 0.000001',12,'qwen2.attention.layer_norm_rms_epsilon','f32','0.000001');
INSERT INTO model_metadata VALUES(14,1,31,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  13:                          general.file_type u32              = 15',13,'general.file_type','u32','15');
INSERT INTO model_metadata VALUES(15,1,32,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  14:                       tokenizer.ggml.model str              = gpt2',14,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(16,1,33,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  15:                         tokenizer.ggml.pre str              = qwen2',15,'tokenizer.ggml.pre','str','qwen2');
INSERT INTO model_metadata VALUES(17,1,34,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  16:                      tokenizer.ggml.tokens arr[str,152064]  = ["!", "\"", "#", "$", "%", "&", "''", ...',16,'tokenizer.ggml.tokens','arr[str,152064]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(18,1,35,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  17:                  tokenizer.ggml.token_type arr[i32,152064]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',17,'tokenizer.ggml.token_type','arr[i32,152064]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(19,1,36,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  18:                      tokenizer.ggml.merges arr[str,151387]  = ["Ġ Ġ", "ĠĠ ĠĠ", "i n", "Ġ t",...',18,'tokenizer.ggml.merges','arr[str,151387]','["Ġ Ġ", "ĠĠ ĠĠ", "i n", "Ġ t",...');
INSERT INTO model_metadata VALUES(20,1,37,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  19:                tokenizer.ggml.eos_token_id u32              = 151645',19,'tokenizer.ggml.eos_token_id','u32','151645');
INSERT INTO model_metadata VALUES(21,1,38,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  20:            tokenizer.ggml.padding_token_id u32              = 151643',20,'tokenizer.ggml.padding_token_id','u32','151643');
INSERT INTO model_metadata VALUES(22,1,39,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  21:                tokenizer.ggml.bos_token_id u32              = 151643',21,'tokenizer.ggml.bos_token_id','u32','151643');
INSERT INTO model_metadata VALUES(23,1,40,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  22:                    tokenizer.chat_template str              = {%- if tools %}\n    {{- ''<|im_start|>...',22,'tokenizer.chat_template','str','{%- if tools %}\n    {{- ''<|im_start|>...');
INSERT INTO model_metadata VALUES(24,1,41,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  23:               general.quantization_version u32              = 2',23,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(25,1,50,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: arch             = qwen2',NULL,'arch',NULL,'qwen2');
INSERT INTO model_metadata VALUES(26,1,51,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: vocab_only       = 1',NULL,'vocab_only',NULL,'1');
INSERT INTO model_metadata VALUES(27,1,54,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: general.name     = Qwen2.5 14B Instruct',NULL,'general.name',NULL,'Qwen2.5 14B Instruct');
INSERT INTO model_metadata VALUES(28,1,55,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(29,1,56,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_vocab          = 152064',NULL,'n_vocab',NULL,'152064');
INSERT INTO model_metadata VALUES(30,1,57,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_merges         = 151387',NULL,'n_merges',NULL,'151387');
INSERT INTO model_metadata VALUES(31,1,58,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: BOS token        = 151643 ''<|endoftext|>''',NULL,'BOS token',NULL,'151643 ''<|endoftext|>''');
INSERT INTO model_metadata VALUES(32,1,59,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: EOS token        = 151645 ''<|im_end|>''',NULL,'EOS token',NULL,'151645 ''<|im_end|>''');
INSERT INTO model_metadata VALUES(33,1,60,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: EOT token        = 151645 ''<|im_end|>''',NULL,'EOT token',NULL,'151645 ''<|im_end|>''');
INSERT INTO model_metadata VALUES(34,1,61,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: PAD token        = 151643 ''<|endoftext|>''',NULL,'PAD token',NULL,'151643 ''<|endoftext|>''');
INSERT INTO model_metadata VALUES(35,1,62,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(36,1,63,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM PRE token    = 151659 ''<|fim_prefix|>''',NULL,'FIM PRE token',NULL,'151659 ''<|fim_prefix|>''');
INSERT INTO model_metadata VALUES(37,1,64,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM SUF token    = 151661 ''<|fim_suffix|>''',NULL,'FIM SUF token',NULL,'151661 ''<|fim_suffix|>''');
INSERT INTO model_metadata VALUES(38,1,65,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM MID token    = 151660 ''<|fim_middle|>''',NULL,'FIM MID token',NULL,'151660 ''<|fim_middle|>''');
INSERT INTO model_metadata VALUES(39,1,66,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM PAD token    = 151662 ''<|fim_pad|>''',NULL,'FIM PAD token',NULL,'151662 ''<|fim_pad|>''');
INSERT INTO model_metadata VALUES(40,1,67,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM REP token    = 151663 ''<|repo_name|>''',NULL,'FIM REP token',NULL,'151663 ''<|repo_name|>''');
INSERT INTO model_metadata VALUES(41,1,68,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM SEP token    = 151664 ''<|file_sep|>''',NULL,'FIM SEP token',NULL,'151664 ''<|file_sep|>''');
INSERT INTO model_metadata VALUES(42,1,74,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
INSERT INTO model_metadata VALUES(43,1,92,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   0:                       general.architecture str              = qwen2',0,'general.architecture','str','qwen2');
INSERT INTO model_metadata VALUES(44,1,93,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(45,1,94,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   2:                               general.name str              = Qwen2.5 14B Instruct',2,'general.name','str','Qwen2.5 14B Instruct');
INSERT INTO model_metadata VALUES(46,1,95,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   3:                           general.basename str              = Qwen2.5',3,'general.basename','str','Qwen2.5');
INSERT INTO model_metadata VALUES(47,1,96,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   4:                         general.size_label str              = 14B',4,'general.size_label','str','14B');
INSERT INTO model_metadata VALUES(48,1,97,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   5:                          qwen2.block_count u32              = 48',5,'qwen2.block_count','u32','48');
INSERT INTO model_metadata VALUES(49,1,98,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   6:                       qwen2.context_length u32              = 32768',6,'qwen2.context_length','u32','32768');
INSERT INTO model_metadata VALUES(50,1,99,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   7:                     qwen2.embedding_length u32              = 5120',7,'qwen2.embedding_length','u32','5120');
INSERT INTO model_metadata VALUES(51,1,100,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   8:                  qwen2.feed_forward_length u32              = 13824',8,'qwen2.feed_forward_length','u32','13824');
INSERT INTO model_metadata VALUES(52,1,101,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv   9:                 qwen2.attention.head_count u32              = 40',9,'qwen2.attention.head_count','u32','40');
INSERT INTO model_metadata VALUES(53,1,102,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  10:              qwen2.attention.head_count_kv u32              = 8',10,'qwen2.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(54,1,103,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  11:                       qwen2.rope.freq_base f32              = 1000000.000000',11,'qwen2.rope.freq_base','f32','1000000.000000');
INSERT INTO model_metadata VALUES(55,1,104,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  12:     qwen2.attention.layer_norm_rms_epsilon f32              = 0.000001',12,'qwen2.attention.layer_norm_rms_epsilon','f32','0.000001');
INSERT INTO model_metadata VALUES(56,1,105,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  13:                          general.file_type u32              = 15',13,'general.file_type','u32','15');
INSERT INTO model_metadata VALUES(57,1,106,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  14:                       tokenizer.ggml.model str              = gpt2',14,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(58,1,107,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  15:                         tokenizer.ggml.pre str              = qwen2',15,'tokenizer.ggml.pre','str','qwen2');
INSERT INTO model_metadata VALUES(59,1,108,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  16:                      tokenizer.ggml.tokens arr[str,152064]  = ["!", "\"", "#", "$", "%", "&", "''", ...',16,'tokenizer.ggml.tokens','arr[str,152064]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(60,1,109,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  17:                  tokenizer.ggml.token_type arr[i32,152064]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',17,'tokenizer.ggml.token_type','arr[i32,152064]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(61,1,110,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  18:                      tokenizer.ggml.merges arr[str,151387]  = ["Ġ Ġ", "ĠĠ ĠĠ", "i n", "Ġ t",...',18,'tokenizer.ggml.merges','arr[str,151387]','["Ġ Ġ", "ĠĠ ĠĠ", "i n", "Ġ t",...');
INSERT INTO model_metadata VALUES(62,1,111,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  19:                tokenizer.ggml.eos_token_id u32              = 151645',19,'tokenizer.ggml.eos_token_id','u32','151645');
INSERT INTO model_metadata VALUES(63,1,112,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  20:            tokenizer.ggml.padding_token_id u32              = 151643',20,'tokenizer.ggml.padding_token_id','u32','151643');
INSERT INTO model_metadata VALUES(64,1,113,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  21:                tokenizer.ggml.bos_token_id u32              = 151643',21,'tokenizer.ggml.bos_token_id','u32','151643');
INSERT INTO model_metadata VALUES(65,1,114,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  22:                    tokenizer.chat_template str              = {%- if tools %}\n    {{- ''<|im_start|>...',22,'tokenizer.chat_template','str','{%- if tools %}\n    {{- ''<|im_start|>...');
INSERT INTO model_metadata VALUES(66,1,115,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',1,'llama_model_loader: - kv  23:               general.quantization_version u32              = 2',23,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(67,1,125,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: arch             = qwen2',NULL,'arch',NULL,'qwen2');
INSERT INTO model_metadata VALUES(68,1,126,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: vocab_only       = 0',NULL,'vocab_only',NULL,'0');
INSERT INTO model_metadata VALUES(69,1,127,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_ctx_train      = 32768',NULL,'n_ctx_train',NULL,'32768');
INSERT INTO model_metadata VALUES(70,1,128,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_embd           = 5120',NULL,'n_embd',NULL,'5120');
INSERT INTO model_metadata VALUES(71,1,129,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_layer          = 48',NULL,'n_layer',NULL,'48');
INSERT INTO model_metadata VALUES(72,1,130,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_head           = 40',NULL,'n_head',NULL,'40');
INSERT INTO model_metadata VALUES(73,1,131,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_head_kv        = 8',NULL,'n_head_kv',NULL,'8');
INSERT INTO model_metadata VALUES(74,1,132,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_rot            = 128',NULL,'n_rot',NULL,'128');
INSERT INTO model_metadata VALUES(75,1,133,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_swa            = 0',NULL,'n_swa',NULL,'0');
INSERT INTO model_metadata VALUES(76,1,134,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_embd_head_k    = 128',NULL,'n_embd_head_k',NULL,'128');
INSERT INTO model_metadata VALUES(77,1,135,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_embd_head_v    = 128',NULL,'n_embd_head_v',NULL,'128');
INSERT INTO model_metadata VALUES(78,1,136,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_gqa            = 5',NULL,'n_gqa',NULL,'5');
INSERT INTO model_metadata VALUES(79,1,137,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_embd_k_gqa     = 1024',NULL,'n_embd_k_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(80,1,138,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_embd_v_gqa     = 1024',NULL,'n_embd_v_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(81,1,139,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: f_norm_eps       = 0.0e+00',NULL,'f_norm_eps',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(82,1,140,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: f_norm_rms_eps   = 1.0e-06',NULL,'f_norm_rms_eps',NULL,'1.0e-06');
INSERT INTO model_metadata VALUES(83,1,141,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: f_clamp_kqv      = 0.0e+00',NULL,'f_clamp_kqv',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(84,1,142,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: f_max_alibi_bias = 0.0e+00',NULL,'f_max_alibi_bias',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(85,1,143,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: f_logit_scale    = 0.0e+00',NULL,'f_logit_scale',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(86,1,144,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_ff             = 13824',NULL,'n_ff',NULL,'13824');
INSERT INTO model_metadata VALUES(87,1,145,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_expert         = 0',NULL,'n_expert',NULL,'0');
INSERT INTO model_metadata VALUES(88,1,146,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_expert_used    = 0',NULL,'n_expert_used',NULL,'0');
INSERT INTO model_metadata VALUES(89,1,147,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: causal attn      = 1',NULL,'causal attn',NULL,'1');
INSERT INTO model_metadata VALUES(90,1,148,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: pooling type     = 0',NULL,'pooling type',NULL,'0');
INSERT INTO model_metadata VALUES(91,1,149,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: rope type        = 2',NULL,'rope type',NULL,'2');
INSERT INTO model_metadata VALUES(92,1,150,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: rope scaling     = linear',NULL,'rope scaling',NULL,'linear');
INSERT INTO model_metadata VALUES(93,1,151,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: freq_base_train  = 1000000.0',NULL,'freq_base_train',NULL,'1000000.0');
INSERT INTO model_metadata VALUES(94,1,152,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: freq_scale_train = 1',NULL,'freq_scale_train',NULL,'1');
INSERT INTO model_metadata VALUES(95,1,153,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_ctx_orig_yarn  = 32768',NULL,'n_ctx_orig_yarn',NULL,'32768');
INSERT INTO model_metadata VALUES(96,1,154,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: rope_finetuned   = unknown',NULL,'rope_finetuned',NULL,'unknown');
INSERT INTO model_metadata VALUES(97,1,155,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: ssm_d_conv       = 0',NULL,'ssm_d_conv',NULL,'0');
INSERT INTO model_metadata VALUES(98,1,156,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: ssm_d_inner      = 0',NULL,'ssm_d_inner',NULL,'0');
INSERT INTO model_metadata VALUES(99,1,157,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: ssm_d_state      = 0',NULL,'ssm_d_state',NULL,'0');
INSERT INTO model_metadata VALUES(100,1,158,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: ssm_dt_rank      = 0',NULL,'ssm_dt_rank',NULL,'0');
INSERT INTO model_metadata VALUES(101,1,159,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: ssm_dt_b_c_rms   = 0',NULL,'ssm_dt_b_c_rms',NULL,'0');
INSERT INTO model_metadata VALUES(102,1,162,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: general.name     = Qwen2.5 14B Instruct',NULL,'general.name',NULL,'Qwen2.5 14B Instruct');
INSERT INTO model_metadata VALUES(103,1,163,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(104,1,164,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_vocab          = 152064',NULL,'n_vocab',NULL,'152064');
INSERT INTO model_metadata VALUES(105,1,165,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: n_merges         = 151387',NULL,'n_merges',NULL,'151387');
INSERT INTO model_metadata VALUES(106,1,166,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: BOS token        = 151643 ''<|endoftext|>''',NULL,'BOS token',NULL,'151643 ''<|endoftext|>''');
INSERT INTO model_metadata VALUES(107,1,167,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: EOS token        = 151645 ''<|im_end|>''',NULL,'EOS token',NULL,'151645 ''<|im_end|>''');
INSERT INTO model_metadata VALUES(108,1,168,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: EOT token        = 151645 ''<|im_end|>''',NULL,'EOT token',NULL,'151645 ''<|im_end|>''');
INSERT INTO model_metadata VALUES(109,1,169,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: PAD token        = 151643 ''<|endoftext|>''',NULL,'PAD token',NULL,'151643 ''<|endoftext|>''');
INSERT INTO model_metadata VALUES(110,1,170,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(111,1,171,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM PRE token    = 151659 ''<|fim_prefix|>''',NULL,'FIM PRE token',NULL,'151659 ''<|fim_prefix|>''');
INSERT INTO model_metadata VALUES(112,1,172,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM SUF token    = 151661 ''<|fim_suffix|>''',NULL,'FIM SUF token',NULL,'151661 ''<|fim_suffix|>''');
INSERT INTO model_metadata VALUES(113,1,173,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM MID token    = 151660 ''<|fim_middle|>''',NULL,'FIM MID token',NULL,'151660 ''<|fim_middle|>''');
INSERT INTO model_metadata VALUES(114,1,174,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM PAD token    = 151662 ''<|fim_pad|>''',NULL,'FIM PAD token',NULL,'151662 ''<|fim_pad|>''');
INSERT INTO model_metadata VALUES(115,1,175,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM REP token    = 151663 ''<|repo_name|>''',NULL,'FIM REP token',NULL,'151663 ''<|repo_name|>''');
INSERT INTO model_metadata VALUES(116,1,176,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: FIM SEP token    = 151664 ''<|file_sep|>''',NULL,'FIM SEP token',NULL,'151664 ''<|file_sep|>''');
INSERT INTO model_metadata VALUES(117,1,182,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',1,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
INSERT INTO model_metadata VALUES(118,1,224,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   0:                       general.architecture str              = llama',0,'general.architecture','str','llama');
INSERT INTO model_metadata VALUES(119,1,225,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(120,1,226,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   2:                               general.name str              = Llama 3.2 3B Instruct',2,'general.name','str','Llama 3.2 3B Instruct');
INSERT INTO model_metadata VALUES(121,1,227,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   3:                          llama.block_count u32              = 28',3,'llama.block_count','u32','28');
INSERT INTO model_metadata VALUES(122,1,228,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   4:                       llama.context_length u32              = 131072',4,'llama.context_length','u32','131072');
INSERT INTO model_metadata VALUES(123,1,229,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   5:                     llama.embedding_length u32              = 3072',5,'llama.embedding_length','u32','3072');
INSERT INTO model_metadata VALUES(124,1,230,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   6:                  llama.feed_forward_length u32              = 8192',6,'llama.feed_forward_length','u32','8192');
INSERT INTO model_metadata VALUES(125,1,231,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   7:                 llama.attention.head_count u32              = 24',7,'llama.attention.head_count','u32','24');
INSERT INTO model_metadata VALUES(126,1,232,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   8:              llama.attention.head_count_kv u32              = 8',8,'llama.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(127,1,233,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   9:                       llama.rope.freq_base f32              = 500000.000000',9,'llama.rope.freq_base','f32','500000.000000');
INSERT INTO model_metadata VALUES(128,1,234,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  10:     llama.attention.layer_norm_rms_epsilon f32              = 0.000010',10,'llama.attention.layer_norm_rms_epsilon','f32','0.000010');
INSERT INTO model_metadata VALUES(129,1,235,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  11:                          general.file_type u32              = 15',11,'general.file_type','u32','15');
INSERT INTO model_metadata VALUES(130,1,236,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  12:                           llama.vocab_size u32              = 128256',12,'llama.vocab_size','u32','128256');
INSERT INTO model_metadata VALUES(131,1,237,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  13:                 llama.rope.dimension_count u32              = 128',13,'llama.rope.dimension_count','u32','128');
INSERT INTO model_metadata VALUES(132,1,238,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  14:                       tokenizer.ggml.model str              = gpt2',14,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(133,1,239,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  15:                         tokenizer.ggml.pre str              = llama-bpe',15,'tokenizer.ggml.pre','str','llama-bpe');
INSERT INTO model_metadata VALUES(134,1,240,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  16:                      tokenizer.ggml.tokens arr[str,128256]  = ["!", "\"", "#", "$", "%", "&", "''", ...',16,'tokenizer.ggml.tokens','arr[str,128256]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(135,1,241,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  17:                  tokenizer.ggml.token_type arr[i32,128256]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',17,'tokenizer.ggml.token_type','arr[i32,128256]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(136,1,242,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  18:                      tokenizer.ggml.merges arr[str,280147]  = ["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...',18,'tokenizer.ggml.merges','arr[str,280147]','["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...');
INSERT INTO model_metadata VALUES(137,1,243,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  19:                tokenizer.ggml.bos_token_id u32              = 128000',19,'tokenizer.ggml.bos_token_id','u32','128000');
INSERT INTO model_metadata VALUES(138,1,244,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  20:                tokenizer.ggml.eos_token_id u32              = 128009',20,'tokenizer.ggml.eos_token_id','u32','128009');
INSERT INTO model_metadata VALUES(139,1,245,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  21:                    tokenizer.chat_template str              = {{- bos_token }}\n{%- if custom_tools ...',21,'tokenizer.chat_template','str','{{- bos_token }}\n{%- if custom_tools ...');
INSERT INTO model_metadata VALUES(140,1,246,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  22:               general.quantization_version u32              = 2',22,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(141,1,255,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: arch             = llama',NULL,'arch',NULL,'llama');
INSERT INTO model_metadata VALUES(142,1,256,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: vocab_only       = 1',NULL,'vocab_only',NULL,'1');
INSERT INTO model_metadata VALUES(143,1,259,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: general.name     = Llama 3.2 3B Instruct',NULL,'general.name',NULL,'Llama 3.2 3B Instruct');
INSERT INTO model_metadata VALUES(144,1,260,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(145,1,261,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_vocab          = 128256',NULL,'n_vocab',NULL,'128256');
INSERT INTO model_metadata VALUES(146,1,262,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_merges         = 280147',NULL,'n_merges',NULL,'280147');
INSERT INTO model_metadata VALUES(147,1,263,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: BOS token        = 128000 ''<|begin_of_text|>''',NULL,'BOS token',NULL,'128000 ''<|begin_of_text|>''');
INSERT INTO model_metadata VALUES(148,1,264,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOS token        = 128009 ''<|eot_id|>''',NULL,'EOS token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(149,1,265,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOT token        = 128009 ''<|eot_id|>''',NULL,'EOT token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(150,1,266,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOM token        = 128008 ''<|eom_id|>''',NULL,'EOM token',NULL,'128008 ''<|eom_id|>''');
INSERT INTO model_metadata VALUES(151,1,267,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(152,1,270,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
INSERT INTO model_metadata VALUES(153,1,288,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   0:                       general.architecture str              = llama',0,'general.architecture','str','llama');
INSERT INTO model_metadata VALUES(154,1,289,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(155,1,290,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   2:                               general.name str              = Llama 3.2 3B Instruct',2,'general.name','str','Llama 3.2 3B Instruct');
INSERT INTO model_metadata VALUES(156,1,291,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   3:                          llama.block_count u32              = 28',3,'llama.block_count','u32','28');
INSERT INTO model_metadata VALUES(157,1,292,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   4:                       llama.context_length u32              = 131072',4,'llama.context_length','u32','131072');
INSERT INTO model_metadata VALUES(158,1,293,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   5:                     llama.embedding_length u32              = 3072',5,'llama.embedding_length','u32','3072');
INSERT INTO model_metadata VALUES(159,1,294,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   6:                  llama.feed_forward_length u32              = 8192',6,'llama.feed_forward_length','u32','8192');
INSERT INTO model_metadata VALUES(160,1,295,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   7:                 llama.attention.head_count u32              = 24',7,'llama.attention.head_count','u32','24');
INSERT INTO model_metadata VALUES(161,1,296,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   8:              llama.attention.head_count_kv u32              = 8',8,'llama.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(162,1,297,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv   9:                       llama.rope.freq_base f32              = 500000.000000',9,'llama.rope.freq_base','f32','500000.000000');
INSERT INTO model_metadata VALUES(163,1,298,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  10:     llama.attention.layer_norm_rms_epsilon f32              = 0.000010',10,'llama.attention.layer_norm_rms_epsilon','f32','0.000010');
INSERT INTO model_metadata VALUES(164,1,299,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  11:                          general.file_type u32              = 15',11,'general.file_type','u32','15');
INSERT INTO model_metadata VALUES(165,1,300,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  12:                           llama.vocab_size u32              = 128256',12,'llama.vocab_size','u32','128256');
INSERT INTO model_metadata VALUES(166,1,301,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  13:                 llama.rope.dimension_count u32              = 128',13,'llama.rope.dimension_count','u32','128');
INSERT INTO model_metadata VALUES(167,1,302,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  14:                       tokenizer.ggml.model str              = gpt2',14,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(168,1,303,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  15:                         tokenizer.ggml.pre str              = llama-bpe',15,'tokenizer.ggml.pre','str','llama-bpe');
INSERT INTO model_metadata VALUES(169,1,304,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  16:                      tokenizer.ggml.tokens arr[str,128256]  = ["!", "\"", "#", "$", "%", "&", "''", ...',16,'tokenizer.ggml.tokens','arr[str,128256]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(170,1,305,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  17:                  tokenizer.ggml.token_type arr[i32,128256]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',17,'tokenizer.ggml.token_type','arr[i32,128256]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(171,1,306,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  18:                      tokenizer.ggml.merges arr[str,280147]  = ["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...',18,'tokenizer.ggml.merges','arr[str,280147]','["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...');
INSERT INTO model_metadata VALUES(172,1,307,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  19:                tokenizer.ggml.bos_token_id u32              = 128000',19,'tokenizer.ggml.bos_token_id','u32','128000');
INSERT INTO model_metadata VALUES(173,1,308,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  20:                tokenizer.ggml.eos_token_id u32              = 128009',20,'tokenizer.ggml.eos_token_id','u32','128009');
INSERT INTO model_metadata VALUES(174,1,309,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  21:                    tokenizer.chat_template str              = {{- bos_token }}\n{%- if custom_tools ...',21,'tokenizer.chat_template','str','{{- bos_token }}\n{%- if custom_tools ...');
INSERT INTO model_metadata VALUES(175,1,310,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_kv',2,'llama_model_loader: - kv  22:               general.quantization_version u32              = 2',22,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(176,1,320,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: arch             = llama',NULL,'arch',NULL,'llama');
INSERT INTO model_metadata VALUES(177,1,321,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: vocab_only       = 0',NULL,'vocab_only',NULL,'0');
INSERT INTO model_metadata VALUES(178,1,322,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_ctx_train      = 131072',NULL,'n_ctx_train',NULL,'131072');
INSERT INTO model_metadata VALUES(179,1,323,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_embd           = 3072',NULL,'n_embd',NULL,'3072');
INSERT INTO model_metadata VALUES(180,1,324,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_layer          = 28',NULL,'n_layer',NULL,'28');
INSERT INTO model_metadata VALUES(181,1,325,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_head           = 24',NULL,'n_head',NULL,'24');
INSERT INTO model_metadata VALUES(182,1,326,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_head_kv        = 8',NULL,'n_head_kv',NULL,'8');
INSERT INTO model_metadata VALUES(183,1,327,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_rot            = 128',NULL,'n_rot',NULL,'128');
INSERT INTO model_metadata VALUES(184,1,328,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_swa            = 0',NULL,'n_swa',NULL,'0');
INSERT INTO model_metadata VALUES(185,1,329,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_embd_head_k    = 128',NULL,'n_embd_head_k',NULL,'128');
INSERT INTO model_metadata VALUES(186,1,330,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_embd_head_v    = 128',NULL,'n_embd_head_v',NULL,'128');
INSERT INTO model_metadata VALUES(187,1,331,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_gqa            = 3',NULL,'n_gqa',NULL,'3');
INSERT INTO model_metadata VALUES(188,1,332,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_embd_k_gqa     = 1024',NULL,'n_embd_k_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(189,1,333,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_embd_v_gqa     = 1024',NULL,'n_embd_v_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(190,1,334,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: f_norm_eps       = 0.0e+00',NULL,'f_norm_eps',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(191,1,335,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: f_norm_rms_eps   = 1.0e-05',NULL,'f_norm_rms_eps',NULL,'1.0e-05');
INSERT INTO model_metadata VALUES(192,1,336,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: f_clamp_kqv      = 0.0e+00',NULL,'f_clamp_kqv',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(193,1,337,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: f_max_alibi_bias = 0.0e+00',NULL,'f_max_alibi_bias',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(194,1,338,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: f_logit_scale    = 0.0e+00',NULL,'f_logit_scale',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(195,1,339,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_ff             = 8192',NULL,'n_ff',NULL,'8192');
INSERT INTO model_metadata VALUES(196,1,340,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_expert         = 0',NULL,'n_expert',NULL,'0');
INSERT INTO model_metadata VALUES(197,1,341,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_expert_used    = 0',NULL,'n_expert_used',NULL,'0');
INSERT INTO model_metadata VALUES(198,1,342,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: causal attn      = 1',NULL,'causal attn',NULL,'1');
INSERT INTO model_metadata VALUES(199,1,343,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: pooling type     = 0',NULL,'pooling type',NULL,'0');
INSERT INTO model_metadata VALUES(200,1,344,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: rope type        = 0',NULL,'rope type',NULL,'0');
INSERT INTO model_metadata VALUES(201,1,345,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: rope scaling     = linear',NULL,'rope scaling',NULL,'linear');
INSERT INTO model_metadata VALUES(202,1,346,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: freq_base_train  = 500000.0',NULL,'freq_base_train',NULL,'500000.0');
INSERT INTO model_metadata VALUES(203,1,347,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: freq_scale_train = 1',NULL,'freq_scale_train',NULL,'1');
INSERT INTO model_metadata VALUES(204,1,348,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_ctx_orig_yarn  = 131072',NULL,'n_ctx_orig_yarn',NULL,'131072');
INSERT INTO model_metadata VALUES(205,1,349,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: rope_finetuned   = unknown',NULL,'rope_finetuned',NULL,'unknown');
INSERT INTO model_metadata VALUES(206,1,350,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: ssm_d_conv       = 0',NULL,'ssm_d_conv',NULL,'0');
INSERT INTO model_metadata VALUES(207,1,351,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: ssm_d_inner      = 0',NULL,'ssm_d_inner',NULL,'0');
INSERT INTO model_metadata VALUES(208,1,352,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: ssm_d_state      = 0',NULL,'ssm_d_state',NULL,'0');
INSERT INTO model_metadata VALUES(209,1,353,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: ssm_dt_rank      = 0',NULL,'ssm_dt_rank',NULL,'0');
INSERT INTO model_metadata VALUES(210,1,354,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: ssm_dt_b_c_rms   = 0',NULL,'ssm_dt_b_c_rms',NULL,'0');
INSERT INTO model_metadata VALUES(211,1,357,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: general.name     = Llama 3.2 3B Instruct',NULL,'general.name',NULL,'Llama 3.2 3B Instruct');
INSERT INTO model_metadata VALUES(212,1,358,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(213,1,359,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_vocab          = 128256',NULL,'n_vocab',NULL,'128256');
INSERT INTO model_metadata VALUES(214,1,360,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: n_merges         = 280147',NULL,'n_merges',NULL,'280147');
INSERT INTO model_metadata VALUES(215,1,361,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: BOS token        = 128000 ''<|begin_of_text|>''',NULL,'BOS token',NULL,'128000 ''<|begin_of_text|>''');
INSERT INTO model_metadata VALUES(216,1,362,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOS token        = 128009 ''<|eot_id|>''',NULL,'EOS token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(217,1,363,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOT token        = 128009 ''<|eot_id|>''',NULL,'EOT token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(218,1,364,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: EOM token        = 128008 ''<|eom_id|>''',NULL,'EOM token',NULL,'128008 ''<|eom_id|>''');
INSERT INTO model_metadata VALUES(219,1,365,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(220,1,368,'2025-03-24T08:21:31.243Z','+01:00',1,'lab-ws07',NULL,'llamacpp_print_info',2,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
INSERT INTO model_metadata VALUES(221,2,20,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   0:                       general.architecture str              = llama',0,'general.architecture','str','llama');
INSERT INTO model_metadata VALUES(222,2,21,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(223,2,22,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   2:                               general.name str              = Llama 3.3 70B Instruct',2,'general.name','str','Llama 3.3 70B Instruct');
INSERT INTO model_metadata VALUES(224,2,23,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   3:                           general.finetune str              = Instruct',3,'general.finetune','str','Instruct');
INSERT INTO model_metadata VALUES(225,2,24,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   4:                           general.basename str              = Llama-3.3',4,'general.basename','str','Llama-3.3');
INSERT INTO model_metadata VALUES(226,2,25,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   5:                         general.size_label str              = 70B',5,'general.size_label','str','70B');
INSERT INTO model_metadata VALUES(227,2,26,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   6:                            general.license str              = llama3.3',6,'general.license','str','llama3.3');
INSERT INTO model_metadata VALUES(228,2,27,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   7:                               general.tags arr[str,6]       = ["facebook", "meta", "pytorch", "llam...',7,'general.tags','arr[str,6]','["facebook", "meta", "pytorch", "llam...');
INSERT INTO model_metadata VALUES(229,2,28,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   8:                          general.languages arr[str,8]       = ["en", "fr", "it", "pt", "hi", "es", ...',8,'general.languages','arr[str,8]','["en", "fr", "it", "pt", "hi", "es", ...');
INSERT INTO model_metadata VALUES(230,2,29,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   9:                          llama.block_count u32              = 80',9,'llama.block_count','u32','80');
INSERT INTO model_metadata VALUES(231,2,30,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  10:                       llama.context_length u32              = 131072',10,'llama.context_length','u32','131072');
INSERT INTO model_metadata VALUES(232,2,31,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  11:                     llama.embedding_length u32              = 8192',11,'llama.embedding_length','u32','8192');
INSERT INTO model_metadata VALUES(233,2,32,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  12:                  llama.feed_forward_length u32              = 28672',12,'llama.feed_forward_length','u32','28672');
INSERT INTO model_metadata VALUES(234,2,33,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  13:                 llama.attention.head_count u32              = 64',13,'llama.attention.head_count','u32','64');
INSERT INTO model_metadata VALUES(235,2,34,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  14:              llama.attention.head_count_kv u32              = 8',14,'llama.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(236,2,35,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  15:                       llama.rope.freq_base f32              = 500000.000000',15,'llama.rope.freq_base','f32','500000.000000');
INSERT INTO model_metadata VALUES(237,2,36,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  16:     llama.attention.layer_norm_rms_epsilon f32              = 0.000010',16,'llama.attention.layer_norm_rms_epsilon','f32','0.000010');
INSERT INTO model_metadata VALUES(238,2,37,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  17:                          general.file_type u32              = 12',17,'general.file_type','u32','12');
INSERT INTO model_metadata VALUES(239,2,38,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  18:                           llama.vocab_size u32              = 128256',18,'llama.vocab_size','u32','128256');
INSERT INTO model_metadata VALUES(240,2,39,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  19:                 llama.rope.dimension_count u32              = 128',19,'llama.rope.dimension_count','u32','128');
INSERT INTO model_metadata VALUES(241,2,40,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  20:                       tokenizer.ggml.model str              = gpt2',20,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(242,2,41,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  21:                         tokenizer.ggml.pre str              = llama-bpe',21,'tokenizer.ggml.pre','str','llama-bpe');
INSERT INTO model_metadata VALUES(243,2,42,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  22:                      tokenizer.ggml.tokens arr[str,128256]  = ["!", "\"", "#", "$", "%", "&", "''", ...',22,'tokenizer.ggml.tokens','arr[str,128256]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(244,2,43,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  23:                  tokenizer.ggml.token_type arr[i32,128256]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',23,'tokenizer.ggml.token_type','arr[i32,128256]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(245,2,44,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  24:                      tokenizer.ggml.merges arr[str,280147]  = ["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...',24,'tokenizer.ggml.merges','arr[str,280147]','["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...');
INSERT INTO model_metadata VALUES(246,2,45,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  25:                tokenizer.ggml.bos_token_id u32              = 128000',25,'tokenizer.ggml.bos_token_id','u32','128000');
INSERT INTO model_metadata VALUES(247,2,46,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  26:                tokenizer.ggml.eos_token_id u32              = 128009',26,'tokenizer.ggml.eos_token_id','u32','128009');
INSERT INTO model_metadata VALUES(248,2,47,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  27:                    tokenizer.chat_template str              = {{- bos_token }}\n{%- if custom_tools ...',27,'tokenizer.chat_template','str','{{- bos_token }}\n{%- if custom_tools ...');
INSERT INTO model_metadata VALUES(249,2,48,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  28:               general.quantization_version u32              = 2',28,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(250,2,63,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: arch             = llama',NULL,'arch',NULL,'llama');
INSERT INTO model_metadata VALUES(251,2,64,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: vocab_only       = 1',NULL,'vocab_only',NULL,'1');
INSERT INTO model_metadata VALUES(252,2,65,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: no_alloc         = 0',NULL,'no_alloc',NULL,'0');
INSERT INTO model_metadata VALUES(253,2,68,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: general.name     = Llama 3.3 70B Instruct',NULL,'general.name',NULL,'Llama 3.3 70B Instruct');
INSERT INTO model_metadata VALUES(254,2,69,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(255,2,70,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_vocab          = 128256',NULL,'n_vocab',NULL,'128256');
INSERT INTO model_metadata VALUES(256,2,71,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_merges         = 280147',NULL,'n_merges',NULL,'280147');
INSERT INTO model_metadata VALUES(257,2,72,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: BOS token        = 128000 ''<|begin_of_text|>''',NULL,'BOS token',NULL,'128000 ''<|begin_of_text|>''');
INSERT INTO model_metadata VALUES(258,2,73,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOS token        = 128009 ''<|eot_id|>''',NULL,'EOS token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(259,2,74,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOT token        = 128009 ''<|eot_id|>''',NULL,'EOT token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(260,2,75,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOM token        = 128008 ''<|eom_id|>''',NULL,'EOM token',NULL,'128008 ''<|eom_id|>''');
INSERT INTO model_metadata VALUES(261,2,76,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(262,2,80,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
INSERT INTO model_metadata VALUES(263,2,113,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   0:                       general.architecture str              = llama',0,'general.architecture','str','llama');
INSERT INTO model_metadata VALUES(264,2,114,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   1:                               general.type str              = model',1,'general.type','str','model');
INSERT INTO model_metadata VALUES(265,2,115,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   2:                               general.name str              = Llama 3.3 70B Instruct',2,'general.name','str','Llama 3.3 70B Instruct');
INSERT INTO model_metadata VALUES(266,2,116,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   3:                           general.finetune str              = Instruct',3,'general.finetune','str','Instruct');
INSERT INTO model_metadata VALUES(267,2,117,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   4:                           general.basename str              = Llama-3.3',4,'general.basename','str','Llama-3.3');
INSERT INTO model_metadata VALUES(268,2,118,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   5:                         general.size_label str              = 70B',5,'general.size_label','str','70B');
INSERT INTO model_metadata VALUES(269,2,119,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   6:                            general.license str              = llama3.3',6,'general.license','str','llama3.3');
INSERT INTO model_metadata VALUES(270,2,120,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   7:                               general.tags arr[str,6]       = ["facebook", "meta", "pytorch", "llam...',7,'general.tags','arr[str,6]','["facebook", "meta", "pytorch", "llam...');
INSERT INTO model_metadata VALUES(271,2,121,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   8:                          general.languages arr[str,8]       = ["en", "fr", "it", "pt", "hi", "es", ...',8,'general.languages','arr[str,8]','["en", "fr", "it", "pt", "hi", "es", ...');
INSERT INTO model_metadata VALUES(272,2,122,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv   9:                          llama.block_count u32              = 80',9,'llama.block_count','u32','80');
INSERT INTO model_metadata VALUES(273,2,123,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  10:                       llama.context_length u32              = 131072',10,'llama.context_length','u32','131072');
INSERT INTO model_metadata VALUES(274,2,124,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  11:                     llama.embedding_length u32              = 8192',11,'llama.embedding_length','u32','8192');
INSERT INTO model_metadata VALUES(275,2,125,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  12:                  llama.feed_forward_length u32              = 28672',12,'llama.feed_forward_length','u32','28672');
INSERT INTO model_metadata VALUES(276,2,126,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  13:                 llama.attention.head_count u32              = 64',13,'llama.attention.head_count','u32','64');
INSERT INTO model_metadata VALUES(277,2,127,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  14:              llama.attention.head_count_kv u32              = 8',14,'llama.attention.head_count_kv','u32','8');
INSERT INTO model_metadata VALUES(278,2,128,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  15:                       llama.rope.freq_base f32              = 500000.000000',15,'llama.rope.freq_base','f32','500000.000000');
INSERT INTO model_metadata VALUES(279,2,129,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  16:     llama.attention.layer_norm_rms_epsilon f32              = 0.000010',16,'llama.attention.layer_norm_rms_epsilon','f32','0.000010');
INSERT INTO model_metadata VALUES(280,2,130,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  17:                          general.file_type u32              = 12',17,'general.file_type','u32','12');
INSERT INTO model_metadata VALUES(281,2,131,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  18:                           llama.vocab_size u32              = 128256',18,'llama.vocab_size','u32','128256');
INSERT INTO model_metadata VALUES(282,2,132,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  19:                 llama.rope.dimension_count u32              = 128',19,'llama.rope.dimension_count','u32','128');
INSERT INTO model_metadata VALUES(283,2,133,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  20:                       tokenizer.ggml.model str              = gpt2',20,'tokenizer.ggml.model','str','gpt2');
INSERT INTO model_metadata VALUES(284,2,134,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  21:                         tokenizer.ggml.pre str              = llama-bpe',21,'tokenizer.ggml.pre','str','llama-bpe');
INSERT INTO model_metadata VALUES(285,2,135,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  22:                      tokenizer.ggml.tokens arr[str,128256]  = ["!", "\"", "#", "$", "%", "&", "''", ...',22,'tokenizer.ggml.tokens','arr[str,128256]','["!", "\"", "#", "$", "%", "&", "''", ...');
INSERT INTO model_metadata VALUES(286,2,136,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  23:                  tokenizer.ggml.token_type arr[i32,128256]  = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...',23,'tokenizer.ggml.token_type','arr[i32,128256]','[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...');
INSERT INTO model_metadata VALUES(287,2,137,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  24:                      tokenizer.ggml.merges arr[str,280147]  = ["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...',24,'tokenizer.ggml.merges','arr[str,280147]','["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "...');
INSERT INTO model_metadata VALUES(288,2,138,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  25:                tokenizer.ggml.bos_token_id u32              = 128000',25,'tokenizer.ggml.bos_token_id','u32','128000');
INSERT INTO model_metadata VALUES(289,2,139,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  26:                tokenizer.ggml.eos_token_id u32              = 128009',26,'tokenizer.ggml.eos_token_id','u32','128009');
INSERT INTO model_metadata VALUES(290,2,140,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  27:                    tokenizer.chat_template str              = {{- bos_token }}\n{%- if custom_tools ...',27,'tokenizer.chat_template','str','{{- bos_token }}\n{%- if custom_tools ...');
INSERT INTO model_metadata VALUES(291,2,141,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_kv',3,'llama_model_loader: - kv  28:               general.quantization_version u32              = 2',28,'general.quantization_version','u32','2');
INSERT INTO model_metadata VALUES(292,2,156,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: arch             = llama',NULL,'arch',NULL,'llama');
INSERT INTO model_metadata VALUES(293,2,157,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: vocab_only       = 0',NULL,'vocab_only',NULL,'0');
INSERT INTO model_metadata VALUES(294,2,158,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: no_alloc         = 0',NULL,'no_alloc',NULL,'0');
INSERT INTO model_metadata VALUES(295,2,159,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_ctx_train      = 131072',NULL,'n_ctx_train',NULL,'131072');
INSERT INTO model_metadata VALUES(296,2,160,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd           = 8192',NULL,'n_embd',NULL,'8192');
INSERT INTO model_metadata VALUES(297,2,161,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd_inp       = 8192',NULL,'n_embd_inp',NULL,'8192');
INSERT INTO model_metadata VALUES(298,2,162,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_layer          = 80',NULL,'n_layer',NULL,'80');
INSERT INTO model_metadata VALUES(299,2,163,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_head           = 64',NULL,'n_head',NULL,'64');
INSERT INTO model_metadata VALUES(300,2,164,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_head_kv        = 8',NULL,'n_head_kv',NULL,'8');
INSERT INTO model_metadata VALUES(301,2,165,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_rot            = 128',NULL,'n_rot',NULL,'128');
INSERT INTO model_metadata VALUES(302,2,166,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_swa            = 0',NULL,'n_swa',NULL,'0');
INSERT INTO model_metadata VALUES(303,2,167,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: is_swa_any       = 0',NULL,'is_swa_any',NULL,'0');
INSERT INTO model_metadata VALUES(304,2,168,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd_head_k    = 128',NULL,'n_embd_head_k',NULL,'128');
INSERT INTO model_metadata VALUES(305,2,169,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd_head_v    = 128',NULL,'n_embd_head_v',NULL,'128');
INSERT INTO model_metadata VALUES(306,2,170,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_gqa            = 8',NULL,'n_gqa',NULL,'8');
INSERT INTO model_metadata VALUES(307,2,171,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd_k_gqa     = 1024',NULL,'n_embd_k_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(308,2,172,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_embd_v_gqa     = 1024',NULL,'n_embd_v_gqa',NULL,'1024');
INSERT INTO model_metadata VALUES(309,2,173,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_norm_eps       = 0.0e+00',NULL,'f_norm_eps',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(310,2,174,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_norm_rms_eps   = 1.0e-05',NULL,'f_norm_rms_eps',NULL,'1.0e-05');
INSERT INTO model_metadata VALUES(311,2,175,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_clamp_kqv      = 0.0e+00',NULL,'f_clamp_kqv',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(312,2,176,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_max_alibi_bias = 0.0e+00',NULL,'f_max_alibi_bias',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(313,2,177,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_logit_scale    = 0.0e+00',NULL,'f_logit_scale',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(314,2,178,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: f_attn_scale     = 0.0e+00',NULL,'f_attn_scale',NULL,'0.0e+00');
INSERT INTO model_metadata VALUES(315,2,179,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_ff             = 28672',NULL,'n_ff',NULL,'28672');
INSERT INTO model_metadata VALUES(316,2,180,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_expert         = 0',NULL,'n_expert',NULL,'0');
INSERT INTO model_metadata VALUES(317,2,181,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_expert_used    = 0',NULL,'n_expert_used',NULL,'0');
INSERT INTO model_metadata VALUES(318,2,182,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_expert_groups  = 0',NULL,'n_expert_groups',NULL,'0');
INSERT INTO model_metadata VALUES(319,2,183,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_group_used     = 0',NULL,'n_group_used',NULL,'0');
INSERT INTO model_metadata VALUES(320,2,184,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: causal attn      = 1',NULL,'causal attn',NULL,'1');
INSERT INTO model_metadata VALUES(321,2,185,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: pooling type     = 0',NULL,'pooling type',NULL,'0');
INSERT INTO model_metadata VALUES(322,2,186,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: rope type        = 0',NULL,'rope type',NULL,'0');
INSERT INTO model_metadata VALUES(323,2,187,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: rope scaling     = linear',NULL,'rope scaling',NULL,'linear');
INSERT INTO model_metadata VALUES(324,2,188,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: freq_base_train  = 500000.0',NULL,'freq_base_train',NULL,'500000.0');
INSERT INTO model_metadata VALUES(325,2,189,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: freq_scale_train = 1',NULL,'freq_scale_train',NULL,'1');
INSERT INTO model_metadata VALUES(326,2,190,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_ctx_orig_yarn  = 131072',NULL,'n_ctx_orig_yarn',NULL,'131072');
INSERT INTO model_metadata VALUES(327,2,191,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: rope_yarn_log_mul= 0.0000',NULL,'rope_yarn_log_mul',NULL,'0.0000');
INSERT INTO model_metadata VALUES(328,2,192,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: rope_finetuned   = unknown',NULL,'rope_finetuned',NULL,'unknown');
INSERT INTO model_metadata VALUES(329,2,195,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: general.name     = Llama 3.3 70B Instruct',NULL,'general.name',NULL,'Llama 3.3 70B Instruct');
INSERT INTO model_metadata VALUES(330,2,196,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: vocab type       = BPE',NULL,'vocab type',NULL,'BPE');
INSERT INTO model_metadata VALUES(331,2,197,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_vocab          = 128256',NULL,'n_vocab',NULL,'128256');
INSERT INTO model_metadata VALUES(332,2,198,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: n_merges         = 280147',NULL,'n_merges',NULL,'280147');
INSERT INTO model_metadata VALUES(333,2,199,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: BOS token        = 128000 ''<|begin_of_text|>''',NULL,'BOS token',NULL,'128000 ''<|begin_of_text|>''');
INSERT INTO model_metadata VALUES(334,2,200,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOS token        = 128009 ''<|eot_id|>''',NULL,'EOS token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(335,2,201,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOT token        = 128009 ''<|eot_id|>''',NULL,'EOT token',NULL,'128009 ''<|eot_id|>''');
INSERT INTO model_metadata VALUES(336,2,202,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: EOM token        = 128008 ''<|eom_id|>''',NULL,'EOM token',NULL,'128008 ''<|eom_id|>''');
INSERT INTO model_metadata VALUES(337,2,203,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: LF token         = 198 ''Ċ''',NULL,'LF token',NULL,'198 ''Ċ''');
INSERT INTO model_metadata VALUES(338,2,207,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_print_info',3,'print_info: max token length = 256',NULL,'max token length',NULL,'256');
CREATE TABLE tensor_types (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  type   TEXT,
  count  INTEGER
);
INSERT INTO tensor_types VALUES(1,1,42,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type  f32:  241 tensors','f32',241);
INSERT INTO tensor_types VALUES(2,1,43,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type q4_K:  289 tensors','q4_K',289);
INSERT INTO tensor_types VALUES(3,1,44,'2025-03-24T08:20:47.371Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type q6_K:   49 tensors','q6_K',49);
INSERT INTO tensor_types VALUES(4,1,116,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type  f32:  241 tensors','f32',241);
INSERT INTO tensor_types VALUES(5,1,117,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type q4_K:  289 tensors','q4_K',289);
INSERT INTO tensor_types VALUES(6,1,118,'2025-03-24T08:20:47.611Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',1,'llama_model_loader: - type q6_K:   49 tensors','q6_K',49);
INSERT INTO tensor_types VALUES(7,1,247,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type  f32:   58 tensors','f32',58);
INSERT INTO tensor_types VALUES(8,1,248,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type q4_K:  168 tensors','q4_K',168);
INSERT INTO tensor_types VALUES(9,1,249,'2025-03-24T08:21:30.803Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type q6_K:   29 tensors','q6_K',29);
INSERT INTO tensor_types VALUES(10,1,311,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type  f32:   58 tensors','f32',58);
INSERT INTO tensor_types VALUES(11,1,312,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type q4_K:  168 tensors','q4_K',168);
INSERT INTO tensor_types VALUES(12,1,313,'2025-03-24T08:21:31.066Z','+01:00',1,'lab-ws07',NULL,'llamacpp_tensor_type',2,'llama_model_loader: - type q6_K:   29 tensors','q6_K',29);
INSERT INTO tensor_types VALUES(13,2,49,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type  f32:  162 tensors','f32',162);
INSERT INTO tensor_types VALUES(14,2,50,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q3_K:  321 tensors','q3_K',321);
INSERT INTO tensor_types VALUES(15,2,51,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q4_K:  160 tensors','q4_K',160);
INSERT INTO tensor_types VALUES(16,2,52,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q5_K:   80 tensors','q5_K',80);
INSERT INTO tensor_types VALUES(17,2,53,'2026-01-15T00:43:52.604Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q6_K:    1 tensors','q6_K',1);
INSERT INTO tensor_types VALUES(18,2,142,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type  f32:  162 tensors','f32',162);
INSERT INTO tensor_types VALUES(19,2,143,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q3_K:  321 tensors','q3_K',321);
INSERT INTO tensor_types VALUES(20,2,144,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q4_K:  160 tensors','q4_K',160);
INSERT INTO tensor_types VALUES(21,2,145,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q5_K:   80 tensors','q5_K',80);
INSERT INTO tensor_types VALUES(22,2,146,'2026-01-15T00:43:53.768Z','+09:00',1,NULL,NULL,'llamacpp_tensor_type',3,'llama_model_loader: - type q6_K:    1 tensors','q6_K',1);
CREATE TABLE requests (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, line INTEGER NOT NULL,
  ts TEXT, ts_offset TEXT, ts_inherited INTEGER NOT NULL DEFAULT 0,
  host TEXT, level TEXT, event TEXT NOT NULL, load_id INTEGER, raw TEXT,
  status        INTEGER,  -- HTTP status (499: the client closed the connection)
  latency_s     REAL,     -- seconds, from Go's duration text (138.182µs, 1m4.71s)
  client        TEXT,     -- client IP address (IPv4 or IPv6)
  method        TEXT,     -- GET, POST, HEAD, ...
  path          TEXT      -- request path as logged, without the quotes
);
INSERT INTO requests VALUES(1,1,8,'2025-03-24T08:20:46.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:20:46 | 200 |       41.87µs |       127.0.0.1 | HEAD     "/"',200,4.1869999999999997228e-05,'127.0.0.1','HEAD','/');
INSERT INTO requests VALUES(2,1,9,'2025-03-24T08:20:46.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:20:46 | 200 |   17.402315ms |       127.0.0.1 | POST     "/api/show"',200,0.017402315000000001532,'127.0.0.1','POST','/api/show');
INSERT INTO requests VALUES(3,1,213,'2025-03-24T08:20:52.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:20:52 | 500 |  5.419982347s |       127.0.0.1 | POST     "/api/chat"',500,5.4199823470000003666,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(4,1,214,'2025-03-24T08:21:30.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:21:30 | 200 |      38.516µs |       127.0.0.1 | HEAD     "/"',200,3.8516000000000001894e-05,'127.0.0.1','HEAD','/');
INSERT INTO requests VALUES(5,1,215,'2025-03-24T08:21:30.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:21:30 | 200 |   13.770218ms |       127.0.0.1 | POST     "/api/show"',200,0.013770218000000000735,'127.0.0.1','POST','/api/show');
INSERT INTO requests VALUES(6,1,393,'2025-03-24T08:21:36.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:21:36 | 200 |  5.882031644s |       127.0.0.1 | POST     "/api/chat"',200,5.8820316439999995594,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(7,1,394,'2025-03-24T08:22:14.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:22:14 | 200 |  3.390417258s |       127.0.0.1 | POST     "/api/chat"',200,3.3904172579999998227,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(8,1,395,'2025-03-24T08:24:40.000Z','+01:00',0,'lab-ws07',NULL,'gin_request',NULL,'[GIN] 2025/03/24 - 09:24:40 | 200 |  2.761053909s |       127.0.0.1 | POST     "/api/chat"',200,2.7610539090000001394,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(9,2,15,'2026-01-15T00:43:52.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:43:52 | 200 |      46.908µs |       127.0.0.1 | HEAD     "/"',200,4.6907999999999998794e-05,'127.0.0.1','HEAD','/');
INSERT INTO requests VALUES(10,2,16,'2026-01-15T00:43:52.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:43:52 | 200 |   38.554127ms |       127.0.0.1 | POST     "/api/show"',200,0.038554127000000000535,'127.0.0.1','POST','/api/show');
INSERT INTO requests VALUES(11,2,215,'2026-01-15T00:44:00.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:44:00 | 200 |    1.630117ms |       127.0.0.1 | GET      "/api/ps"',200,0.0016301169999999999375,'127.0.0.1','GET','/api/ps');
INSERT INTO requests VALUES(12,2,243,'2026-01-15T00:44:31.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:44:31 | 200 | 38.715520334s |       127.0.0.1 | POST     "/api/chat"',200,38.715520333999997149,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(13,2,244,'2026-01-15T00:45:44.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:45:44 | 200 | 51.027391886s |       127.0.0.1 | POST     "/api/chat"',200,51.027391885999996644,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(14,2,245,'2026-01-15T00:47:02.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:47:02 | 200 | 44.381960151s |       127.0.0.1 | POST     "/api/chat"',200,44.381960151000001248,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(15,2,284,'2026-01-15T00:47:21.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:47:21 | 200 |  1.493822107s |       127.0.0.1 | POST     "/api/embed"',200,1.4938221069999999546,'127.0.0.1','POST','/api/embed');
INSERT INTO requests VALUES(16,2,285,'2026-01-15T00:47:22.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:47:22 | 200 |  186.306452ms |       127.0.0.1 | POST     "/api/embed"',200,0.18630645200000001127,'127.0.0.1','POST','/api/embed');
INSERT INTO requests VALUES(17,2,286,'2026-01-15T00:47:22.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:47:22 | 200 |  179.550918ms |       127.0.0.1 | POST     "/api/embed"',200,0.17955091800000000379,'127.0.0.1','POST','/api/embed');
INSERT INTO requests VALUES(18,2,287,'2026-01-15T00:48:10.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:48:10 | 200 | 47.662013745s |       127.0.0.1 | POST     "/api/chat"',200,47.662013745000002982,'127.0.0.1','POST','/api/chat');
INSERT INTO requests VALUES(19,2,288,'2026-01-15T00:50:37.000Z','+09:00',0,NULL,NULL,'gin_request',NULL,'[GIN] 2026/01/15 - 09:50:37 | 200 | 39.108247615s |       127.0.0.1 | POST     "/api/chat"',200,39.10824761500000335,'127.0.0.1','POST','/api/chat');
CREATE TABLE failures (
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
INSERT INTO failures VALUES(1,1,202,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'cuda_malloc_oom',1,'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 696.00 MiB on device 0: cudaMalloc failed: out of memory','oom','cudaMalloc failed: out of memory',NULL,NULL,1,729808896,1);
INSERT INTO failures VALUES(2,1,203,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'buffer_alloc_failed',1,'ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 729808896','alloc_failed','failed to allocate CUDA0 buffer of size 729808896',NULL,NULL,1,729808896,1);
INSERT INTO failures VALUES(3,1,204,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'compute_alloc_failed',1,'llama_init_from_model: failed to allocate compute buffers','alloc_failed','failed to allocate compute buffers',NULL,NULL,1,NULL,1);
INSERT INTO failures VALUES(4,1,205,'2025-03-24T08:20:47.789Z','+01:00',1,'lab-ws07',NULL,'go_panic',1,'panic: unable to create llama context','panic','unable to create llama context',NULL,NULL,0,NULL,1);
INSERT INTO failures VALUES(5,1,211,'2025-03-24T08:20:52.047Z','+01:00',0,'lab-ws07','ERROR','runner_terminated',1,'time=2025-03-24T09:20:52.047+01:00 level=ERROR source=server.go:421 msg="llama runner terminated" error="exit status 2"','runner_terminated','exit status 2',NULL,2,0,NULL,1);
INSERT INTO failures VALUES(6,1,212,'2025-03-24T08:20:52.101Z','+01:00',0,'lab-ws07','ERROR','load_error',1,'time=2025-03-24T09:20:52.101+01:00 level=ERROR source=sched.go:456 msg="error loading llama server" error="llama runner process has terminated: cudaMalloc failed: out of memory\nggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 729808896\nllama_init_from_model: failed to allocate compute buffers"','load_error',replace('llama runner process has terminated: cudaMalloc failed: out of memory\nggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 729808896\nllama_init_from_model: failed to allocate compute buffers','\n',char(10)),NULL,NULL,1,NULL,1);
CREATE TABLE loads (
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
INSERT INTO loads VALUES(1,1,76,202,'2025-03-24T08:20:47.536Z','2025-03-24T08:20:47.789Z','lab-ws07','0.6.1','llama_server',2,'sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529','/usr/share/ollama/.ollama/models/blobs/sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529','Qwen2.5 14B Instruct','Qwen2.5 14B Instruct Q4_K_M','qwen2',14770000000,'Q4_K - Medium',579,8987219067,4.8700000000000001065,8192,512,1,49,49,49,NULL,10952166605,1610612736,729808896,8982143959,1610612736,NULL,10592756695,'failed','cudaMalloc failed: out of memory','oom',202,1,NULL,NULL,NULL,0.25300000000000000266,6,271);
INSERT INTO loads VALUES(2,1,272,392,'2025-03-24T08:21:30.991Z','2025-03-24T08:21:33.039Z','lab-ws07','0.6.1','llama_server',6,'sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425','/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425','Llama 3.2 3B Instruct','Llama 3.2 3B Instruct Q4_K_M','llama',3210000000,'Q4_K - Medium',255,2007897211,5.0099999999999997868,8192,512,1,29,29,29,NULL,3435973837,939524096,444596224,2334738350,939524096,467675382,3741937828,'ok',NULL,NULL,NULL,NULL,NULL,NULL,2.0499999999999998223,2.0480000000000000426,203,395);
INSERT INTO loads VALUES(3,2,82,239,'2026-01-15T00:43:53.517Z','2026-01-15T00:44:15.927Z',NULL,'0.13.5','runner',18,'sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b','/data/ollama/models/blobs/sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b','Llama 3.3 70B Instruct','Llama 3.3 70B Instruct Q3_K_M','llama',70550000000,'Q3_K - Medium',724,34263101604,3.8900000000000001243,8192,512,1,-1,81,81,'GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241:41,GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80:40',38869454029,2684354560,2362232012,34263374234,2684354560,1303002481,38250731275,'ok',NULL,NULL,NULL,NULL,NULL,NULL,22.410000000000000141,22.410000000000000141,5,249);
INSERT INTO loads VALUES(4,2,250,282,'2026-01-15T00:47:20.263Z','2026-01-15T00:47:21.573Z',NULL,'0.13.5','runner',25,'sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf','/data/ollama/models/blobs/sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf',NULL,'bert F16','bert',NULL,'F16',389,NULL,NULL,512,512,1,-1,25,25,'GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80:25',NULL,NULL,NULL,670040064,NULL,98041856,768081920,'ok',NULL,NULL,NULL,NULL,NULL,NULL,1.3100000000000000532,1.3100000000000000532,240,288);
CREATE TABLE load_devices (
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
  PRIMARY KEY (load_id, device)
);
INSERT INTO load_devices VALUES(1,'CPU_Mapped',0,437948252,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(1,'CUDA0',49,8544195707,1610612736,NULL,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(2,'CPU_Mapped',0,323202580,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(2,'CUDA0',29,2011535770,939524096,444596224,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(2,'CUDA_Host',NULL,NULL,NULL,23079158,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(3,'CPU_Mapped',0,451422454,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(3,'CUDA0',41,16887106765,1375731712,587244503,16857746637,1395864371,1181116006,19434727014);
INSERT INTO load_devices VALUES(3,'CUDA1',40,16924845015,1308622848,631819469,16965120819,1288490189,1181116006,19434727014);
INSERT INTO load_devices VALUES(3,'CUDA_Host',NULL,NULL,NULL,83938509,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(4,'CPU',0,62495130,NULL,1572864,NULL,NULL,NULL,NULL);
INSERT INTO load_devices VALUES(4,'CUDA1',25,607544934,NULL,96468992,NULL,NULL,NULL,NULL);
CREATE TABLE estimate_vs_actual (
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
INSERT INTO estimate_vs_actual VALUES(1,'total',10952166605,10154808443,-797358162,0.92720000000000002415,0,1,'Ollama''s estimate vs weights+KV+compute allocated on the GPUs');
INSERT INTO estimate_vs_actual VALUES(2,'total',3435973837,3395656090,-40317747,0.9882999999999999563,0,0,'Ollama''s estimate vs weights+KV+compute allocated on the GPUs');
INSERT INTO estimate_vs_actual VALUES(3,'total',38869454029,37715370312,-1154083717,0.97030000000000005133,0,0,'Ollama''s estimate vs weights+KV+compute allocated on the GPUs');
INSERT INTO estimate_vs_actual VALUES(3,'CUDA0',19434727014,18850082980,-584644034,0.96989999999999998436,0,NULL,'Ollama engine layout for the device vs its allocations');
INSERT INTO estimate_vs_actual VALUES(3,'CUDA1',19434727014,18865287332,-569439682,0.97070000000000000728,0,NULL,'Ollama engine layout for the device vs its allocations');
INSERT INTO estimate_vs_actual VALUES(1,'CUDA0',10952166605,10154808443,-797358162,0.92720000000000002415,0,NULL,'memory.required.allocations for the GPU vs its allocations');
INSERT INTO estimate_vs_actual VALUES(2,'CUDA0',3435973837,3395656090,-40317747,0.9882999999999999563,0,NULL,'memory.required.allocations for the GPU vs its allocations');
CREATE TABLE memory_release (
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
INSERT INTO memory_release VALUES(2,NULL,NULL,10707083264,NULL,'unknown',26521423053,NULL,'unknown',0,NULL,'cannot tell',replace('line 219 (VRAM before): time=2025-03-24T09:21:30.656+01:00 level=INFO source=sched.go:715 msg="new model will fit in available VRAM in single GPU, loading" model=/usr/share/ollama/.ollama/models/blobs/sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425 gpu=GPU-7d2b9e41-05c3-8a6f-2e19-b4c0d85f3a62 parallel=1 available=10707083264 required="3.2 GiB"\nline 220 (system memory before): time=2025-03-24T09:21:30.803+01:00 level=INFO source=server.go:105 msg="system memory" total="31.2 GiB" free="24.7 GiB" free_swap="2.0 GiB"','\n',char(10)),'No later load in this log: no memory reading after the unload.');
INSERT INTO memory_release VALUES(3,4,NULL,50573239910,NULL,'unknown',256516921754,NULL,'unknown',0,NULL,'cannot tell',replace('line 84 (VRAM before): time=2026-01-15T09:43:53.517+09:00 level=INFO source=sched.go:450 msg="gpu memory" id=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 library=CUDA available="23.1 GiB" free="23.6 GiB" minimum="457.0 MiB" overhead="0 B"\nline 83 (system memory before): time=2026-01-15T09:43:53.517+09:00 level=INFO source=sched.go:443 msg="system memory" total="251.5 GiB" free="238.9 GiB" free_swap="0 B"','\n',char(10)),'A different model loaded next and nothing in the log shows this one was unloaded (Ollama keeps models loaded for OLLAMA_KEEP_ALIVE and logs no unload at INFO). From Ollama 0.12.6 the VRAM-recovery timeout is logged only at DEBUG: an INFO log showing none proves nothing.');
INSERT INTO memory_release VALUES(4,NULL,NULL,11703785882,NULL,'unknown',255121057382,NULL,'unknown',0,NULL,'cannot tell',replace('line 247 (VRAM before): time=2026-01-15T09:47:20.251+09:00 level=INFO source=sched.go:583 msg="updated VRAM based on existing loaded models" gpu=GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 library=CUDA total="24.0 GiB" available="5.5 GiB"\nline 251 (system memory before): time=2026-01-15T09:47:20.330+09:00 level=INFO source=sched.go:443 msg="system memory" total="251.5 GiB" free="237.6 GiB" free_swap="0 B"','\n',char(10)),'No later load in this log: no memory reading after the unload. From Ollama 0.12.6 the VRAM-recovery timeout is logged only at DEBUG: an INFO log showing none proves nothing.');
CREATE TABLE alerts (
  id         INTEGER PRIMARY KEY,
  rule       TEXT NOT NULL,  -- vram_high | sysmem_high | vram_timeout | load_failed | oom | oom_after_fit | partial_offload | over_estimate
  severity   TEXT NOT NULL,  -- error | warning | info
  ts         TEXT,
  source_id  INTEGER,
  line       INTEGER,
  load_id    INTEGER,
  message    TEXT NOT NULL
);
INSERT INTO alerts VALUES(1,'oom','error','2025-03-24T08:20:47.789Z',1,202,1,'Out of memory: load of Qwen2.5 14B Instruct Q4_K_M failed: cudaMalloc failed: out of memory');
INSERT INTO alerts VALUES(2,'oom_after_fit','error','2025-03-24T08:20:47.789Z',1,202,1,'Ollama decided Qwen2.5 14B Instruct Q4_K_M would fit (estimate 10.20 GiB) and the load then ran out of memory');
CREATE TABLE model_summary (
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
INSERT INTO model_summary VALUES('sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529','Qwen2.5 14B Instruct','Qwen2.5 14B Instruct Q4_K_M','qwen2',14770000000,'Q4_K - Medium',8987219067,4.8700000000000001065,1,0,1,0,NULL,NULL,NULL,NULL,49,49,49,10592756695,'lab-ws07','2025-03-24T08:20:47.536Z','2025-03-24T08:20:47.789Z');
INSERT INTO model_summary VALUES('sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425','Llama 3.2 3B Instruct','Llama 3.2 3B Instruct Q4_K_M','llama',3210000000,'Q4_K - Medium',2007897211,5.0099999999999997868,1,1,0,0,2.0499999999999998223,2.0499999999999998223,2.0499999999999998223,2.0499999999999998223,29,29,29,3741937828,'lab-ws07','2025-03-24T08:21:30.991Z','2025-03-24T08:21:33.039Z');
INSERT INTO model_summary VALUES('sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b','Llama 3.3 70B Instruct','Llama 3.3 70B Instruct Q3_K_M','llama',70550000000,'Q3_K - Medium',34263101604,3.8900000000000001243,1,1,0,0,22.410000000000000141,22.410000000000000141,22.410000000000000141,22.410000000000000141,81,81,81,38250731275,NULL,'2026-01-15T00:43:53.517Z','2026-01-15T00:44:15.927Z');
INSERT INTO model_summary VALUES('sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf',NULL,'bert F16','bert',NULL,'F16',NULL,NULL,1,1,0,0,1.3100000000000000532,1.3100000000000000532,1.3100000000000000532,1.3100000000000000532,25,25,25,768081920,NULL,'2026-01-15T00:47:20.263Z','2026-01-15T00:47:21.573Z');
CREATE TABLE model_tags (
  model      TEXT NOT NULL,  -- blob digest sha256-<hex>, as loads.model
  tag        TEXT NOT NULL,  -- llama3.2:latest, hf.co/org/repo:Q4_K_M, ...
  origin     TEXT NOT NULL,  -- log | manifest
  source_id  INTEGER,        -- log: where it was printed first
  line       INTEGER,
  PRIMARY KEY (model, tag, origin)
);
CREATE TABLE model_names (
  model      TEXT PRIMARY KEY, -- as loads.model
  name       TEXT NOT NULL,
  origin     TEXT NOT NULL,    -- log | manifest | general.name | architecture | file
  tags       TEXT              -- every known tag, comma-separated
);
INSERT INTO model_names VALUES('sha256-54c9dbf7f9f65e4a629c275da32d224918df0597d25e21062d9b28ba6609c425','Llama 3.2 3B Instruct Q4_K_M','general.name',NULL);
INSERT INTO model_names VALUES('sha256-f895b54d8e89e2394b939a5ff467c3198c747602953ac3a5c31f07745e0c457b','Llama 3.3 70B Instruct Q3_K_M','general.name',NULL);
INSERT INTO model_names VALUES('sha256-026349739d4388f89d95a7d6a5fc54c35d62f58f7e13f95e964a09f72fd75529','Qwen2.5 14B Instruct Q4_K_M','general.name',NULL);
INSERT INTO model_names VALUES('sha256-fb215230d8bfb912c30f224799657ad7760463a98c8891a1c21fd7f07068dccf','bert F16','architecture',NULL);
CREATE TABLE line_stats (
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
INSERT INTO line_stats VALUES(1,395,0,315,80,0,0,0,0,'utf-8',0,0,NULL,0);
INSERT INTO line_stats VALUES(2,288,0,221,67,0,0,0,0,'utf-8',0,0,NULL,0);
CREATE TABLE csv_records (
  source_id  INTEGER NOT NULL,
  line       INTEGER NOT NULL,  -- as in the category tables
  csv_line   INTEGER NOT NULL,  -- physical line of the export where its record starts
  time_ns    INTEGER,           -- the point's time (UTC nanoseconds since the epoch)
  PRIMARY KEY (source_id, line)
);
CREATE TABLE unknown_lines (
  source_id INTEGER NOT NULL,
  line      INTEGER NOT NULL,
  ts        TEXT,
  text      TEXT
);
CREATE INDEX gpus_gpu ON gpus(source_id, gpu_id, ts);
CREATE INDEX unknown_lines_src ON unknown_lines(source_id, line);
CREATE TRIGGER sources_forget AFTER DELETE ON sources BEGIN DELETE FROM "estimate_vs_actual" WHERE load_id IN (SELECT id FROM loads WHERE source_id = OLD.id); DELETE FROM "load_devices" WHERE load_id IN (SELECT id FROM loads WHERE source_id = OLD.id); DELETE FROM "memory_release" WHERE load_id IN (SELECT id FROM loads WHERE source_id = OLD.id); DELETE FROM "alerts" WHERE source_id = OLD.id; DELETE FROM "csv_records" WHERE source_id = OLD.id; DELETE FROM "failures" WHERE source_id = OLD.id; DELETE FROM "fit_decisions" WHERE source_id = OLD.id; DELETE FROM "gpus" WHERE source_id = OLD.id; DELETE FROM "line_stats" WHERE source_id = OLD.id; DELETE FROM "memory_buffers" WHERE source_id = OLD.id; DELETE FROM "model_files" WHERE source_id = OLD.id; DELETE FROM "model_metadata" WHERE source_id = OLD.id; DELETE FROM "model_params" WHERE source_id = OLD.id; DELETE FROM "model_tags" WHERE source_id = OLD.id; DELETE FROM "offload_estimates" WHERE source_id = OLD.id; DELETE FROM "requests" WHERE source_id = OLD.id; DELETE FROM "runners" WHERE source_id = OLD.id; DELETE FROM "source_parts" WHERE source_id = OLD.id; DELETE FROM "system_memory" WHERE source_id = OLD.id; DELETE FROM "tensor_loads" WHERE source_id = OLD.id; DELETE FROM "tensor_types" WHERE source_id = OLD.id; DELETE FROM "token_caches" WHERE source_id = OLD.id; DELETE FROM "unknown_lines" WHERE source_id = OLD.id; DELETE FROM "vram_timeouts" WHERE source_id = OLD.id; DELETE FROM "vram_updates" WHERE source_id = OLD.id; DELETE FROM loads WHERE source_id = OLD.id; END;
CREATE INDEX loads_source ON loads(source_id, start_line);
CREATE INDEX vram_updates_load ON vram_updates(load_id);
CREATE INDEX system_memory_load ON system_memory(load_id);
CREATE INDEX fit_decisions_load ON fit_decisions(load_id);
CREATE INDEX offload_estimates_load ON offload_estimates(load_id);
CREATE INDEX memory_buffers_load ON memory_buffers(load_id, device);
CREATE INDEX vram_timeouts_load ON vram_timeouts(load_id);
CREATE INDEX gpus_load ON gpus(load_id);
CREATE INDEX token_caches_load ON token_caches(load_id);
CREATE INDEX model_files_load ON model_files(load_id);
CREATE INDEX tensor_loads_load ON tensor_loads(load_id, device);
CREATE INDEX model_params_load ON model_params(load_id);
CREATE INDEX runners_load ON runners(load_id);
CREATE INDEX model_metadata_load ON model_metadata(load_id, key);
CREATE INDEX tensor_types_load ON tensor_types(load_id);
CREATE INDEX failures_load ON failures(load_id);
CREATE INDEX loads_model ON loads(source_id, model_path, end_line);
CREATE INDEX loads_digest ON loads(source_id, model, end_line);
CREATE INDEX gpus_id ON gpus(source_id, gpu_id, line);
CREATE INDEX vram_updates_line ON vram_updates(source_id, line);
CREATE INDEX system_memory_line ON system_memory(source_id, line);
CREATE INDEX runners_line ON runners(source_id, line);
CREATE INDEX model_params_line ON model_params(source_id, line);
CREATE INDEX failures_line ON failures(source_id, line);
COMMIT;
