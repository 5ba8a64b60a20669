# 20-ollama.pat - Ollama's own messages (Go log/slog), all eras.
#
# Almost every entry here is `match = slog`: literal and regex apply to the
# unescaped msg value, the columns mostly come from slog attributes. A few
# `match = text` entries at the end cover the plain Go `log` lines of
# v0.0.x-v0.1.20 ("routes.go:871: Listening on ..."), which reach the
# catalogue with the "2023/12/15 15:33:10 " date already removed.
#
# Versions in the comments are release tags (see shared/FORMATS.md).

# ---------------------------------------------------------------- C1 vram_updates

# "updated VRAM" v0.1.33-v0.1.44; "... based on existing loaded models" v0.1.45+
[vram_updated]
table   = vram_updates
match   = slog
literal = updated VRAM
regex   = ^updated VRAM(?: based on existing loaded models)?$
col kind            = const:updated
col gpu_id          = attr:gpu
col library         = attr:library
col total_bytes     = attr:total:bytes
col available_bytes = attr:available:bytes

# v0.11.5+, logged next to "system memory" by the scheduler
[vram_gpu_memory]
table   = vram_updates
match   = slog
literal = gpu memory
regex   = ^gpu memory$
col kind            = const:gpu_memory
col gpu_id          = attr:id
col library         = attr:library
col total_bytes     = attr:total:bytes
col available_bytes = attr:available:bytes
col free_bytes      = attr:free:bytes
col minimum_bytes   = attr:minimum:bytes
col overhead_bytes  = attr:overhead:bytes

# ---------------------------------------------------------------- C2 system_memory

# v0.1.33 (total only) ... v0.32 (total free free_swap); DEBUG before v0.3.10
[system_memory]
table   = system_memory
match   = slog
literal = system memory
regex   = ^system memory$
col kind            = const:system
col total_bytes     = attr:total:bytes
col free_bytes      = attr:free:bytes
col free_swap_bytes = attr:free_swap:bytes

# DEBUG: before.* / now.* values; the now.* values are stored
[system_memory_update]
table   = system_memory
match   = slog
literal = updating system memory data
regex   = ^updating system memory data$
col kind            = const:update
col total_bytes     = attr:now.total:bytes
col free_bytes      = attr:now.free:bytes
col free_swap_bytes = attr:now.free_swap:bytes

# ---------------------------------------------------------------- C3 fit_decisions

# v0.1.33-v0.11.4; available= is a raw byte count here
[fit_single_gpu]
table   = fit_decisions
match   = slog
literal = new model will fit in available VRAM in single GPU
regex   = ^new model will fit in available VRAM in single GPU, loading$
col decision        = const:single_gpu
col model           = attr:model
col gpu_id          = attr:gpu
col library         = attr:library
col parallel        = attr:parallel:int
col available_bytes = attr:available:bytes
col required_bytes  = attr:required:bytes

# v0.11.5-v0.12.10 (gpus=N attribute has no column)
[fit_minimum_gpus]
table   = fit_decisions
match   = slog
literal = new model will fit in available VRAM across minimum required GPUs
regex   = ^new model will fit in available VRAM across minimum required GPUs, loading$
col decision        = const:minimum_gpus
col model           = attr:model
col gpu_id          = attr:gpu
col library         = attr:library
col parallel        = attr:parallel:int
col available_bytes = attr:available:bytes
col required_bytes  = attr:required:bytes

# v0.1.33-v0.12.10
[fit_all_gpus]
table   = fit_decisions
match   = slog
literal = new model will fit in available VRAM, loading
regex   = ^new model will fit in available VRAM, loading$
col decision        = const:all_gpus
col model           = attr:model
col library         = attr:library
col parallel        = attr:parallel:int
col available_bytes = attr:available:bytes
col required_bytes  = attr:required:bytes

# v0.11.4-v0.15.4: "total vram"="11.8 GiB" threshold="20.0 GiB"
[fit_low_vram_mode]
table   = fit_decisions
match   = slog
literal = entering low vram mode
regex   = ^entering low vram mode$
col decision         = const:low_vram_mode
col total_vram_bytes = attr:total vram:bytes
col threshold_bytes  = attr:threshold:bytes

# ---------------------------------------------------------------- C4 offload_estimates

# "offload to gpu": v0.1.32 flat keys (reallayers= layers= required= used=
# available= kv= fulloffload= partialoffload=), v0.1.33-v0.1.44 grouped keys
# (layers.real= layers.estimate= memory.*). "offload to cuda|metal|rocm|cpu"
# v0.1.45-v0.5.11 (library in the message; "gpu" names no library).
[offload_to]
table   = offload_estimates
match   = slog
literal = offload to
regex   = ^offload to (?:gpu|(?<lib>\w+))$
col library                    = group:lib
col layers_requested           = attr:layers.requested:int
col layers_model               = attr:layers.model|layers.estimate|layers:int
col layers_offload             = attr:layers.offload|layers.real|reallayers:int
col layers_split               = attr:layers.split
col available_list             = attr:memory.available:bytes_list
col available_bytes            = attr:memory.available|available:bytes_sum
col gpu_overhead_bytes         = attr:memory.gpu_overhead:bytes
col required_full_bytes        = attr:memory.required.full|required:bytes
col required_partial_bytes     = attr:memory.required.partial:bytes
col required_kv_bytes          = attr:memory.required.kv|kv:bytes
col required_allocations       = attr:memory.required.allocations:bytes_list
col used_bytes                 = attr:used:bytes
col weights_total_bytes        = attr:memory.weights.total:bytes
col weights_repeating_bytes    = attr:memory.weights.repeating:bytes
col weights_nonrepeating_bytes = attr:memory.weights.nonrepeating:bytes
col graph_full_bytes           = attr:memory.graph.full|fulloffload:bytes
col graph_partial_bytes        = attr:memory.graph.partial|partialoffload:bytes
col projector_weights_bytes    = attr:projector.weights:bytes
col projector_graph_bytes      = attr:projector.graph:bytes

# msg=offload library=cuda ... (LogValue of the estimate), v0.5.12-v0.12.10
[offload]
table   = offload_estimates
match   = slog
literal = offload
regex   = ^offload$
col library                    = attr:library
col layers_requested           = attr:layers.requested:int
col layers_model               = attr:layers.model:int
col layers_offload             = attr:layers.offload:int
col layers_split               = attr:layers.split
col available_list             = attr:memory.available:bytes_list
col available_bytes            = attr:memory.available:bytes_sum
col gpu_overhead_bytes         = attr:memory.gpu_overhead:bytes
col required_full_bytes        = attr:memory.required.full:bytes
col required_partial_bytes     = attr:memory.required.partial:bytes
col required_kv_bytes          = attr:memory.required.kv:bytes
col required_allocations       = attr:memory.required.allocations:bytes_list
col weights_total_bytes        = attr:memory.weights.total:bytes
col weights_repeating_bytes    = attr:memory.weights.repeating:bytes
col weights_nonrepeating_bytes = attr:memory.weights.nonrepeating:bytes
col graph_full_bytes           = attr:memory.graph.full:bytes
col graph_partial_bytes        = attr:memory.graph.partial:bytes
col projector_weights_bytes    = attr:projector.weights:bytes
col projector_graph_bytes      = attr:projector.graph:bytes

# ---------------------------------------------------------------- C5 memory_buffers (Ollama engine)

# v0.6.0-v0.11.4: buffer=CPU size=...; v0.11.5+: device=CUDA0 size=...
[ollama_model_weights]
table   = memory_buffers
match   = slog
literal = model weights
regex   = ^model weights$
col reporter   = const:ollama
col kind       = const:weights
col device     = attr:device|buffer
col size_bytes = attr:size:bytes

# v0.11.5+
[ollama_kv_cache]
table   = memory_buffers
match   = slog
literal = kv cache
regex   = ^kv cache$
col reporter   = const:ollama
col kind       = const:kv
col device     = attr:device|buffer
col size_bytes = attr:size:bytes

# v0.6.0-v0.11.4: backend=CPU buffer_type=CPU [size=...]; v0.11.5+: device= size=
[ollama_compute_graph]
table   = memory_buffers
match   = slog
literal = compute graph
regex   = ^compute graph$
col reporter   = const:ollama
col kind       = const:compute
col device     = attr:device|buffer_type|backend
col size_bytes = attr:size:bytes

# v0.11.5+: one line per load, all devices (device NULL)
[ollama_total_memory]
table   = memory_buffers
match   = slog
literal = total memory
regex   = ^total memory$
col reporter   = const:ollama
col kind       = const:total
col device     = attr:device
col size_bytes = attr:size:bytes

# ---------------------------------------------------------------- C6 vram_timeouts

# WARN v0.1.45-v0.12.5 (model= until v0.6, runner.* from v0.7.0);
# DEBUG from v0.12.6 with free_before= free_now=
[vram_recover_timeout]
table   = vram_timeouts
match   = slog
literal = didn't recover within timeout
regex   = ^gpu VRAM usage didn't recover within timeout$
col seconds           = attr:seconds:real
col model             = attr:model|runner.model
col runner_name       = attr:runner.name
col runner_size_bytes = attr:runner.size:bytes
col runner_vram_bytes = attr:runner.vram:bytes
col free_before_bytes = attr:free_before:bytes
col free_now_bytes    = attr:free_now:bytes

# ---------------------------------------------------------------- C7 gpus

# v0.1.35+; variant= from v0.3.7; name/description/libdirs/pci_id/type from
# v0.12.4; filtered_id= v0.12.7-v0.12.8, filter_id= v0.12.10+
[gpu_inference_compute]
table   = gpus
match   = slog
literal = inference compute
regex   = ^inference compute$
col gpu_id          = attr:id
col filter_id       = attr:filter_id|filtered_id
col library         = attr:library
col variant         = attr:variant
col compute         = attr:compute
col driver          = attr:driver
col name            = attr:name
col description     = attr:description
col libdirs         = attr:libdirs
col pci_id          = attr:pci_id
col type            = attr:type
col total_bytes     = attr:total:bytes
col available_bytes = attr:available:bytes

# ---------------------------------------------------------------- requests (Gin access log)

# [GIN] 2024/03/12 - 18:54:13 | 200 |     138.182µs |       127.0.0.1 | HEAD     "/"
# Gin's LoggerWithFormatter: status %3d, latency %13v (Go duration: ns, µs,
# ms, s, 1m4.71s), client %15s (IPv4 or IPv6), method %-7s, path %#v (Go
# quoted: may hold "|" and \"). Colours are gone with the envelope. Not
# anchored: a progress bar without a newline may come before it.
[gin_request]
table   = requests
match   = text
literal = [GIN] 
regex   = \[GIN\] \d{4}/\d\d/\d\d - \d\d:\d\d:\d\d \| *(?<status>\d{3}) *\| *(?<latency>[^ |][^|]*?) *\| *(?<client>[^ |]*) *\| *(?<method>[A-Z]+) +"(?<path>(?:[^"\\]|\\.)*)"\s*$
col status    = group:status:int
col latency_s = group:latency:seconds
col client    = group:client
col method    = group:method
col path      = group:path
# v0.1.x GPU discovery (gpu.go), before "inference compute" existed: one
# row per line, the fields each gives. "Nvidia GPU detected" /
# "Radeon GPU detected" (library), "CUDA Compute Capability detected: 8.6"
# (also logged again before each load), and "Discovered GPU libraries:
# [/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.535.129.03]", whose NVML
# library version is the NVIDIA driver version.
[gpu_nvidia_detected]
table   = gpus
match   = slog
literal = Nvidia GPU detected
regex   = ^Nvidia GPU detected$
col library = const:cuda

[gpu_radeon_detected]
table   = gpus
match   = slog
literal = Radeon GPU detected
regex   = ^Radeon GPU detected$
col library = const:rocm

[gpu_cuda_compute_capability]
table   = gpus
match   = slog
literal = CUDA Compute Capability detected
regex   = ^CUDA Compute Capability detected: (?<cc>[\d.]+)$
col library = const:cuda
col compute = group:cc

[gpu_nvml_driver]
table   = gpus
match   = slog
literal = libnvidia-ml.so.
regex   = ^Discovered GPU libraries: \[.*libnvidia-ml\.so\.(?<drv>\d+(?:\.\d+)+)[\] ]
col library = const:cuda
col driver  = group:drv

# ---------------------------------------------------------------- C9 model_files (Ollama engine)

# ggml.go (v0.6.x new engine): the model file as the Go engine read it,
# logged with an empty msg: msg="" architecture=gemma3 file_type=Q4_K_M
# name="" description="" num_tensors=340 num_key_values=32
[ollama_model_file]
table   = model_files
match   = slog
literal =
require = architecture file_type
regex   = ^$
col kind         = const:ollama_model
col architecture = attr:architecture
col value        = attr:file_type
col kv_count     = attr:num_key_values:int
col tensor_count = attr:num_tensors:int

# images.go (0.30+): the model's name as people type it, logged when a
# request's model is resolved (right after its load completes):
# msg="template selection" model=registry.ollama.ai/library/qwen2.5-coder:32b
# The only line that prints name:tag; names.c gives it to the load.
[model_tag]
table   = model_files
match   = slog
literal = template selection
require = model
regex   = ^template selection$
col kind  = const:tag
col value = attr:model

# ---------------------------------------------------------------- C10 tensor_loads (Ollama engine, ggml.go)

# the new Go engine logs the layer split itself (v0.11.5+)
[ollama_offloading_repeating]
table   = tensor_loads
match   = slog
literal = repeating layers to GPU
regex   = ^offloading (?<n>\d+) repeating layers to GPU$
col kind   = const:offloading_repeating
col layers = group:n:int

[ollama_offloading_output]
table   = tensor_loads
match   = slog
literal = offloading output layer to
regex   = ^offloading output layer to (?<dev>GPU|CPU)$
col kind   = const:offloading_output
col device = group:dev

[ollama_offloaded]
table   = tensor_loads
match   = slog
literal = layers to GPU
regex   = ^offloaded (?<x>\d+)/(?<y>\d+) layers to GPU$
col kind             = const:offloaded
col layers_offloaded = group:x:int
col layers_total     = group:y:int

# ---------------------------------------------------------------- C11 model_params (load time)

# v0.1.32-v0.24.0 (DEBUG in v0.1.32-v0.1.34; printed twice per load in 0.11+)
[runner_started]
table   = model_params
match   = slog
literal = llama runner started in
regex   = ^llama runner started in (?<secs>[0-9.]+) seconds$
col kind         = const:started
col load_seconds = group:secs:real

# v0.30+ (llama-server era; also printed twice)
[llama_server_started]
table   = model_params
match   = slog
literal = llama-server started in
regex   = ^llama-server started in (?<secs>[0-9.]+) seconds$
col kind         = const:started
col load_seconds = group:secs:real

# ---------------------------------------------------------------- C12 runners

# routes.go, every server start: the most reliable version marker
[server_listening_version]
table   = runners
match   = slog
literal = Listening on
regex   = ^Listening on (?<addr>\S+)(?: \(version (?<ver>[^)]+)\))?$
col kind    = const:listening
col address = group:addr
col version = group:ver

# "starting llama server" v0.1.32-v0.11.4, "starting runner" v0.11.5-v0.24.0
# (without --model = GPU discovery probe), "starting llama-server" v0.30+.
# Flags: ollama_llama_server / ollama runner use long options, llama-server
# uses -c -np -b (-ub is the micro-batch and is not stored).
[runner_start]
table   = runners
match   = slog
literal = starting
regex   = ^starting (?:llama server|runner|llama-server)$
col kind          = const:start
col cmd           = attr:cmd
col model         = arg:cmd:--model|-m
col is_probe      = attr:cmd:probe
col ollama_engine = arg:cmd:--ollama-engine:bool
col port          = arg:cmd:--port:int
col ctx_size      = arg:cmd:--ctx-size|-c:int
col batch_size    = arg:cmd:--batch-size|-b:int
col parallel      = arg:cmd:--parallel|-np:int
col gpu_layers    = arg:cmd:--n-gpu-layers|-ngl|--gpu-layers:int
col tensor_split  = arg:cmd:--tensor-split|-ts
col threads       = arg:cmd:--threads|-t:int

# runner subprocess, v0.3.13-v0.24.0
[runner_go_runner]
table   = runners
match   = slog
literal = starting go runner
regex   = ^starting go runner$
col kind = const:go_runner

# runner subprocess with the new engine, v0.5.12-v0.24.0
[runner_ollama_engine]
table   = runners
match   = slog
literal = starting ollama engine
regex   = ^starting ollama engine$
col kind = const:ollama_engine

# runner subprocess (std log bridged into slog, source=.:0 on some builds)
[runner_server_listening]
table   = runners
match   = slog
literal = Server listening on
regex   = ^Server listening on (?<addr>\S*?:(?<port>\d+))$
col kind    = const:server_listening
col address = group:addr
col port    = group:port:int

# v0.1.33+
[runner_loaded_runners]
table   = runners
match   = slog
literal = loaded runners
regex   = ^loaded runners$
col kind  = const:loaded_runners
col count = attr:count:int

# v0.1.2x-v0.1.31 in-process ext server: the load starts here (no start line)
[runner_dynamic_server]
table   = runners
match   = slog
literal = Loading Dynamic llm server
regex   = ^Loading Dynamic llm server: (?<lib>.+)$
col kind = const:dynamic_server
col cmd  = group:lib

# v0.1.2x-v0.1.31 in-process ext server: the model is loaded when the main
# loop starts (no "llama runner started in" line in that era)
[runner_main_loop]
table   = runners
match   = slog
literal = Starting llama main loop
regex   = ^Starting llama main loop$
col kind = const:main_loop

# new engine load RPC (v0.11.5+): Operation:fit|alloc|commit, one per attempt
[runner_load_request]
table   = runners
match   = slog
literal = load
regex   = ^load$
col kind       = const:load_request
col ctx_size   = gofield:request:KvSize:int
col batch_size = gofield:request:BatchSize:int
col parallel   = gofield:request:Parallel:int
col gpu_layers = gofield:request:GPULayers:int
col threads    = gofield:request:NumThreads:int

# v0.11.5+: "model layers"=37 requested=-1
[runner_loading_model]
table   = runners
match   = slog
literal = loading model
regex   = ^loading model$
col kind         = const:loading_model
col model_layers = attr:model layers:int
col gpu_layers   = attr:requested:int

# v0.30+: "using llama-server for model" precedes, "loading model via
# llama-server" follows "starting llama-server"
[runner_llama_server_model]
table   = runners
match   = slog
literal = llama-server
regex   = ^(?:using llama-server for model|loading model via llama-server)$
col kind  = const:llama_server_model
col model = attr:model

# ---------------------------------------------------------------- plain Go log (v0.0.x-v0.1.20)
# Lines look like "routes.go:871: Listening on 127.0.0.1:11434 (version 0.1.16)"
# once the "YYYY/MM/DD HH:MM:SS " prefix is gone. v0.1.3x-v0.5.x also print
# their first line(s) this way ("routes.go:1195: INFO server config ...").

[golog_listening]
table   = runners
match   = text
literal = Listening on
regex   = ^[\w.-]+\.go:\d+: (?:INFO )?Listening on (?<addr>\S+)(?: \(version (?<ver>[^)]+)\))?\s*$
col kind    = const:listening
col address = group:addr
col version = group:ver

# llama.go:300: 3208 MB VRAM available, loading up to 19 GPU layers   (v0.1.1x, "MB" = MiB)
[golog_vram_available]
table   = offload_estimates
match   = text
literal = VRAM available, loading up to
regex   = ^[\w.-]+\.go:\d+: (?<mb>\d+) MB VRAM available, loading up to (?<layers>\d+) GPU layers\s*$
col available_bytes = group:mb:mib
col layers_offload  = group:layers:int

[golog_runner_started]
table   = model_params
match   = text
literal = llama runner started in
regex   = ^[\w.-]+\.go:\d+: (?:INFO )?llama runner started in (?<secs>[0-9.]+) seconds\s*$
col kind         = const:started
col load_seconds = group:secs:real
