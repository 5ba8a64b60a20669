# 90-noise.pat - lines that are recognised but carry nothing we store.
#
# Tried last. A noise line is only counted (line_stats.lines_noise). Entries
# are meant to be precise: a line that merely resembles a known one should
# still end up in unknown_lines, so that new formats get noticed.

# ================================================================ access log

# a Gin access line that is not whole (requests has the whole ones)
[gin_access]
table   = noise
match   = text
literal = [GIN]
regex   = ^\[GIN\] \d{4}/\d\d/\d\d - \d\d:\d\d:\d\d \|

# route dump and warnings when GIN_MODE is not "release"
[gin_debug]
table   = noise
match   = text
literal = [GIN-debug]
regex   = ^\[GIN-debug\]

# continuation lines of the [GIN-debug] "Running in debug mode" warning
[gin_debug_hint]
table   = noise
match   = text
literal = - using
regex   = ^ - using (?:env|code):\s+(?:export GIN_MODE=release|gin\.SetMode\(gin\.ReleaseMode\))\s*$

# ================================================================ Ollama slog messages
# One entry per message (or per family sharing a literal); the regex is
# anchored on the whole unescaped msg.

[slog_total_blobs]
table   = noise
match   = slog
literal = total blobs:
regex   = ^total blobs: \d+$

[slog_unused_blobs]
table   = noise
match   = slog
literal = total unused blobs removed:
regex   = ^total unused blobs removed: \d+$

[slog_server_config]
table   = noise
match   = slog
literal = server config
regex   = ^server config$

[slog_extracting]
table   = noise
match   = slog
literal = xtract
regex   = ^(?:Extracting dynamic libraries\.\.\.|extracting embedded files|extracting)$

[slog_dynamic_libraries]
table   = noise
match   = slog
literal = Dynamic LLM libraries
regex   = ^Dynamic LLM libraries(?: \[[^\]]*\])?$

[slog_library_override]
table   = noise
match   = slog
literal = OLLAMA_LLM_LIBRARY
regex   = ^Override detection logic by setting OLLAMA_LLM_LIBRARY$

[slog_scheduler_start]
table   = noise
match   = slog
literal = starting llm scheduler
regex   = ^starting llm scheduler$

[slog_cloud_disabled]
table   = noise
match   = slog
literal = Ollama cloud disabled
regex   = ^Ollama cloud disabled: \w+$

[slog_model_list_cache]
table   = noise
match   = slog
literal = model list cache hydration complete
regex   = ^model list cache hydration complete$

[slog_model_recommendations]
table   = noise
match   = slog
literal = model recommendations cache
regex   = ^model recommendations cache sleep scheduled$

[slog_vram_default_context]
table   = noise
match   = slog
literal = vram-based default context
regex   = ^vram-based default context$

[slog_vulkan_disabled]
table   = noise
match   = slog
literal = experimental Vulkan support disabled
regex   = ^experimental Vulkan support disabled\.\s+To enable, set OLLAMA_VULKAN=\d$

[slog_available_servers]
table   = noise
match   = slog
literal = availableServers
regex   = ^availableServers : found$

[slog_efficiency_cores]
table   = noise
match   = slog
literal = efficiency cores detected
regex   = ^efficiency cores detected$

[slog_cpu_packages]
table   = noise
match   = slog
literal = packages
regex   = ^packages$

# runner CPU features: msg=system info="AVX = 1 | ..." / msg=system CPU.0.SSE3=1 ...
# Windows CPU topology, msg="" package=0 cores=8 efficiency=4 threads=12
[slog_cpu_package_topology]
table   = noise
match   = slog
literal =
require = package cores
regex   = ^$

[slog_cpu_system_info]
table   = noise
match   = slog
literal = system
regex   = ^system$

[slog_cpu_quota]
table   = noise
match   = slog
literal = CPU allowed micro secs
regex   = ^failed to parse CPU allowed micro secs$

[slog_gpu_discovery]
table   = noise
match   = slog
literal = GPU
regex   = ^(?:discovering available GPUs\.\.\.|looking for compatible GPUs|Detecting GPU type|Searching for GPU management library .+|Discovered GPU libraries: .*|searching for GPU discovery libraries for \w+|Searching for GPU library|discovered GPU libraries|detected GPUs|no compatible GPUs were discovered|unsupported Radeon iGPU detected skipping|failure during GPU discovery|error looking up nvidia GPU memory|if GPUs are not correctly discovered, unset and try again|dropping integrated GPU; to enable, set OLLAMA_IGPU_ENABLE=\d)$

[slog_gpu_library_search]
table   = noise
match   = slog
literal = gpu library search
regex   = ^gpu library search$

[slog_cpu_features]
table   = noise
match   = slog
literal = CPU has AVX
regex   = ^CPU has AVX2?$

[slog_amdgpu]
table   = noise
match   = slog
literal = amdgpu
regex   = ^(?:no compatible amdgpu devices detected|amdgpu driver not detected .*|amdgpu detected, but no compatible rocm library found\..*)$

[slog_amd_driver_hint]
table   = noise
match   = slog
literal = ollama recommends running the
regex   = ^ollama recommends running the https?://\S+$

[slog_no_nvidia_devices]
table   = noise
match   = slog
literal = no nvidia devices detected by library
regex   = ^no nvidia devices detected by library .*$

[slog_cuda_memory_update]
table   = noise
match   = slog
literal = updating cuda memory data
regex   = ^updating cuda memory data$

[slog_os_vram_overhead]
table   = noise
match   = slog
literal = detected OS VRAM overhead
regex   = ^detected OS VRAM overhead$

[slog_visible_devices]
table   = noise
match   = slog
literal = user overrode visible devices
regex   = ^user overrode visible devices$

[slog_refresh_free_memory]
table   = noise
match   = slog
literal = unable to refresh free memory
regex   = ^unable to refresh free memory, using old values$

[slog_waiting_for]
table   = noise
match   = slog
literal = waiting for
regex   = ^(?:waiting for server to become available|waiting for llama runner to start responding|waiting for llama-server to become available|waiting for llama-server to start responding|waiting for pending requests to complete and unload to occur|waiting for llama server to exit)$

[slog_load_progress]
table   = noise
match   = slog
literal = model load progress
regex   = ^model load progress [\d.]+$

[slog_finished_setting_up]
table   = noise
match   = slog
literal = finished setting up runner
regex   = ^finished setting up runner$

[slog_loading_first_model]
table   = noise
match   = slog
literal = loading first model
regex   = ^loading first model$

[slog_evaluating]
table   = noise
match   = slog
literal = evaluating
regex   = ^evaluating(?: already loaded)?$

[slog_user_override]
table   = noise
match   = slog
literal = user override
regex   = ^user override$

[slog_subprocess]
table   = noise
match   = slog
literal = subprocess
regex   = ^subprocess$

[slog_initializing_llama_server]
table   = noise
match   = slog
literal = Initializing llama server
regex   = ^Initializing llama server$

[slog_changing_loaded_model]
table   = noise
match   = slog
literal = changing loaded model
regex   = ^changing loaded model$

[slog_context_too_large]
table   = noise
match   = slog
literal = requested context size too large for model
regex   = ^requested context size too large for model$

[slog_no_caching]
table   = noise
match   = slog
literal = model does not support caching
regex   = ^model does not support caching, setting batch size to context length$

[slog_flash_attention]
table   = noise
match   = slog
literal = flash attention
regex   = ^(?:enabling flash attention|flash attention enabled but not supported by model)$

[slog_disabling_mmap]
table   = noise
match   = slog
literal = disabling mmap
regex   = ^disabling mmap for llama-server load by default$

[slog_evicting]
table   = noise
match   = slog
literal = evicting a model to make space
regex   = ^model requires more gpu memory than is currently available, evicting a model to make space$

[slog_key_not_found]
table   = noise
match   = slog
literal = key not found
regex   = ^key not found$

[slog_invalid_option]
table   = noise
match   = slog
literal = invalid option provided
regex   = ^invalid option provided$

[slog_truncating_prompt]
table   = noise
match   = slog
literal = truncating input prompt
regex   = ^truncating input prompt$

[slog_request_finished]
table   = noise
match   = slog
literal = request finished
regex   = ^(?:context for request finished|after processing request finished event)$

[slog_runner_idle]
table   = noise
match   = slog
literal = has gone idle
regex   = ^runner with non-zero duration has gone idle, adding timer$

[slog_expire]
table   = noise
match   = slog
literal = expire
regex   = ^(?:resetting model to expire immediately to make room|runner expired event received)$

[slog_unload]
table   = noise
match   = slog
literal = unload
regex   = ^(?:got lock to unload|sending an unloaded event|unload completed)$

[slog_llama_server_stop]
table   = noise
match   = slog
literal = llama server
regex   = ^(?:stopping llama server|llama server stopped)$

[slog_runner_released]
table   = noise
match   = slog
literal = runner released
regex   = ^runner released$

[slog_vram_converged]
table   = noise
match   = slog
literal = gpu VRAM free memory converged
regex   = ^gpu VRAM free memory converged after [\d.]+ seconds$

[slog_request_debug]
table   = noise
match   = slog
literal =  request
regex   = ^(?:generate request|chat request|embedding request|completion request)$

[slog_post_predict]
table   = noise
match   = slog
literal = post predict
regex   = ^post predict$

[slog_client_aborted_completion]
table   = noise
match   = slog
literal = aborting completion request
regex   = ^aborting completion request due to client closing the connection$

[slog_embedding_error]
table   = noise
match   = slog
literal = llm embedding error
regex   = ^llm embedding error: .*$

[slog_download]
table   = noise
match   = slog
literal = part
regex   = ^(?:downloading [0-9a-f]+ in \d+ [\d.]+ [KMG]?B part\(s\)|[0-9a-f]+ part \d+ attempt \d+ failed: .*|[0-9a-f]+ part \d+ stalled; retrying\..*)$

[slog_registry_request_failed]
table   = noise
match   = slog
literal = request failed:
regex   = ^request failed: .*$


# ================================================================ plain Go log (first lines of a start)

# "routes.go:1195: INFO server config env=..." (date already removed),
# "images.go:996: total blobs: 0" (v0.0.x-v0.1.20)
[golog_startup]
table   = noise
match   = text
literal = .go:
regex   = ^[\w.-]+\.go:\d+: (?:INFO |WARN )?(?:server config env=|total blobs: \d+|total unused blobs removed: \d+|warning: gpu support may not be enabled)

# ================================================================ start-up text, systemd, shells

[ssh_key]
table   = noise
match   = text
literal = id_ed25519
regex   = ^Couldn't find '.*id_ed25519'\. Generating new private key\.\s*$

[ssh_key_header]
table   = noise
match   = text
literal = Your new public key is:
regex   = ^Your new public key is:\s*$

[ssh_key_value]
table   = noise
match   = text
literal = ssh-ed25519
regex   = ^ssh-ed25519 [A-Za-z0-9+/=]+\s*$

[listen_address_in_use]
table   = noise
match   = text
literal = bind: address already in use
regex   = ^Error: listen tcp \S+: bind: address already in use\s*$

[nohup]
table   = noise
match   = text
literal = nohup: ignoring input
regex   = ^nohup: ignoring input\s*$

# journalctl: systemd's own lines (prefix removed) and separators
[systemd_unit]
table   = noise
match   = text
literal = llama
regex   = ^(?:(?:Started|Stopping|Stopped) (?:ollama\.service - )?Ollama Service\.*|ollama\.service: (?:Deactivated successfully|Succeeded|Consumed .*|Main process exited, .*|Failed with result .*|Scheduled restart job, .*)\.?)\s*$

[journal_separator]
table   = noise
match   = text
literal = --
regex   = ^-- (?:Boot [0-9a-f]+|Reboot|Logs begin at .*|No entries) --\s*$

# ================================================================ llama.cpp: model loader / vocab / print_info

[llamacpp_dumping_metadata]
table   = noise
match   = text
literal = llama_model_loader: Dumping metadata
regex   = ^llama_model_loader: Dumping metadata keys/values\.

# every tensor of the file (late-2023 builds)
[llamacpp_loader_tensor]
table   = noise
match   = text
literal = llama_model_loader: - tensor
regex   = ^llama_model_loader: - tensor\s+\d+:

# one line per end-of-generation token: print_info: EOG token = 128001 '<|end_of_text|>'
[llamacpp_eog_token]
table   = noise
match   = text
literal = EOG token
regex   = ^(?:llm_load_print_meta|print_info):\s+EOG token\s*=

# load: printing all EOG tokens:  /  load:   - 128001 ('<|end_of_text|>')
[llamacpp_vocab_notes]
table   = noise
match   = text
literal = load
regex   = ^(?:llm_load_vocab|load):\s+(?:printing all EOG tokens:|- \d+ \(.*\)|special_eos_id is not in special_eog_ids\b.*|control-looking token:.*|missing or unrecognized pre-tokenizer type.*|missing pre-tokenizer type.*|\d+ unused tokens|mismatch in special tokens definition.*|setting token type.*|.*GENERATION QUALITY WILL BE DEGRADED.*|CONSIDER REGENERATING THE MODEL.*|={10,}.*)\s*$

[llamacpp_vocab_only]
table   = noise
match   = text
literal = vocab only - skipping tensors
regex   = ^llama_model_load:\s+vocab only - skipping tensors\s*$


# ================================================================ llama.cpp: backends

# ggml_cuda_init: found 1 CUDA devices:  /  ggml_init_cublas: GGML_CUDA_FORCE_MMQ: yes
[llamacpp_cuda_init]
table   = noise
match   = text
literal = ggml_
regex   = ^(?:ggml_cuda_init|ggml_init_cublas|ggml_cuda_init_once):\s


[llamacpp_load_backend]
table   = noise
match   = text
literal = load_backend:
regex   = ^load_backend:\s+loaded \w+ backend from\s

[llamacpp_metal_init]
table   = noise
match   = text
literal = ggml_metal
regex   = ^(?:ggml_metal_init|ggml_metal_device_init|ggml_metal_library_init|ggml_metal_rsets_init|ggml_metal_free|ggml_metal_mem_pool_init|ggml_metal_load_library|ggml_metal_library_compile_pipeline|ggml_metal_compile_pipeline):\s

# (v0.1.32 Metal) the same memory already appears as model/KV/compute buffers
[llamacpp_metal_alloc]
table   = noise
match   = text
literal = allocated buffer, size =
regex   = ^ggml_backend_metal_\w+:\s+allocated buffer, size =

[llamacpp_vulkan_init]
table   = noise
match   = text
literal = ggml_vulkan:
regex   = ^ggml_vulkan:\s+(?:Found \d+ Vulkan devices?:|\d+ = .*|Compiling shaders.*|Using .*)$

# NVML / DXGI free-memory probes of the discovery runner (v0.12+):
# "ggml_backend_cuda_device_get_memory device GPU-... utilizing NVML memory reporting free: N total: N"
[ggml_device_memory_probe]
table   = noise
match   = text
literal = ggml_backend_
regex   = ^ggml_backend_\w*(?:get_device_memory|device_get_memory)\b

# continuation of a "CUDA error: ..." report (the error line is a failure)
[ggml_cuda_error_context]
table   = noise
match   = text
literal = current device:
regex   = ^\s*current device: \d+(?:, in function \w+ at \S+)?\s*$

[ggml_cuda_error_call]
table   = noise
match   = text
literal = (
regex   = ^\s+(?:cuda|cublas|hip|hipblas|rocblas|cu)\w*\(.*\)\s*$

# GGML_ABORT location: "/go/src/.../ggml-cuda.cu:101: CUDA error", "ggml-metal-context.m:246: fatal error"
[ggml_abort_location]
table   = noise
match   = text
literal = error
regex   = ^[\w./\\:-]+\.(?:c|cc|cpp|cu|cuh|h|m|mm):\d+: (?:CUDA error|fatal error|ROCm error|HIP error)\s*$

# ggml_print_backtrace trying gdb / lldb after an abort
[ggml_backtrace_gdb_attach]
table   = noise
match   = text
literal = ptrace
regex   = ^(?:process, check the setting of /proc/sys/kernel/yama/ptrace_scope, or try|ptrace: (?:Inappropriate ioctl for device|Operation not permitted)\.)\s*$

[ggml_backtrace_gdb_attach_hint]
table   = noise
match   = text
literal = attach
regex   = ^(?:Could not attach to process\.\s+If your uid matches the uid of the target|\(lldb\) process attach --pid \d+|error: attach failed: .*)\s*$

[ggml_backtrace_gdb_root_hint]
table   = noise
match   = text
literal = 10-ptrace.conf
regex   = ^again as the root user\.\s+For more details, see /etc/sysctl\.d/10-ptrace\.conf\s*$

[ggml_backtrace_gdb_no_stack]
table   = noise
match   = text
literal = No stack.
regex   = ^No stack\.\s*$

[ggml_backtrace_gdb_not_running]
table   = noise
match   = text
literal = The program is not being run.
regex   = ^The program is not being run\.\s*$

# ================================================================ llama.cpp: tensors / context / KV

[llamacpp_tensors_notes]
table   = noise
match   = text
literal = load_tensors:
regex   = ^(?:llm_load_tensors|load_tensors):\s+(?:ggml ctx size\s*=.*|using (?:CUDA|ROCm|Metal|Vulkan|CPU|SYCL) for GPU acceleration|layer\s+\d+ assigned to device .*|tensor '.*' \(.*\) .*|ffn up/down are swapped|loaded \d+ tensors from .*)\s*$

# the context parameters (n_ctx, n_batch, freq_base, graph nodes, ...)
[llamacpp_context_params]
table   = noise
match   = text
literal = llama_
regex   = ^(?:llama_new_context_with_model|llama_context|llama_init_from_model):\s+(?:constructing llama_context|n_ctx\b.*|n_ctx_per_seq\b.*|n_ctx_seq\b.*|n_batch\b.*|n_ubatch\b.*|n_seq_max\b.*|n_rs_seq\b.*|n_outputs_max\b.*|causal_attn\b.*|flash_attn\b.*|kv_unified\b.*|freq_base\b.*|freq_scale\b.*|graph nodes\b.*|graph splits\b.*|pipeline parallelism enabled.*|Flash Attention was auto, set to \w+|model default pooling_type is .*|reserving \.\.\.|reserve took .*|(?:resolving )?fused .*|enumerating backends|backend_ptrs\.size\(\) = .*|max_nodes = .*|worst-case: .*|VRAM scratch buffer: .*|total VRAM used: .*|swa_full\b.*|yarn_\w+\b.*|attn_factor\b.*)\s*$

# v0.30+ moved the graph reservation to sched_reserve:
[llamacpp_sched_reserve_params]
table   = noise
match   = text
literal = sched_reserve:
regex   = ^sched_reserve:\s+(?:constructing llama_context|n_ctx\b.*|n_ctx_per_seq\b.*|n_ctx_seq\b.*|n_batch\b.*|n_ubatch\b.*|n_seq_max\b.*|n_rs_seq\b.*|n_outputs_max\b.*|causal_attn\b.*|flash_attn\b.*|kv_unified\b.*|freq_base\b.*|freq_scale\b.*|graph nodes\b.*|graph splits\b.*|pipeline parallelism enabled.*|Flash Attention was auto, set to \w+|model default pooling_type is .*|reserving \.\.\.|reserve took .*|(?:resolving )?fused .*|enumerating backends|backend_ptrs\.size\(\) = .*|max_nodes = .*|worst-case: .*|VRAM scratch buffer: .*|total VRAM used: .*|swa_full\b.*|yarn_\w+\b.*|attn_factor\b.*)\s*$

[llamacpp_kv_cache_params]
table   = noise
match   = text
literal = llama_kv_cache
regex   = ^(?:llama_kv_cache_init|llama_kv_cache_unified|llama_kv_cache|llama_kv_cache_iswa):\s+(?:kv_size = .*|attn_rot_[kv] = .*|layer\s+\d+: .*|creating (?:non-)?SWA KV cache.*|VRAM kv self = .*)\s*$

# llama-server era fused-op probing, output buffer growth, prompt notes
[llamacpp_resolve_fused_ops]
table   = noise
match   = text
literal = resolve_fused_ops:
regex   = ^resolve_fused_ops:\s

[llamacpp_output_reserve]
table   = noise
match   = text
literal = output_reserve:
regex   = ^output_reserve:\s+reallocating output buffer\s

[llamacpp_double_bos]
table   = noise
match   = text
literal = Added a BOS token to the prompt
regex   = ^(?:check_double_bos_eos|tokenize):\s+Added a BOS token to the prompt\b

[llamacpp_embeddings_override]
table   = noise
match   = text
literal = embeddings required but some input tokens were not marked as outputs
regex   = ^init:\s+embeddings required but some input tokens were not marked as outputs

[llamacpp_warmup]
table   = noise
match   = text
literal = warmup:
regex   = ^warmup:\s

# vision projector (clip / mtmd) model loading
[llamacpp_clip]
table   = noise
match   = text
literal = clip_
regex   = ^(?:clip_model_loader|clip_ctx|clip_\w+):\s

[llamacpp_clip_hparams]
table   = noise
match   = text
literal = load_hparams:
regex   = ^load_hparams:\s

# alloc_compute_meta: graph splits = 1, nodes = 705 (its buffer sizes are C5)
[llamacpp_clip_graph]
table   = noise
match   = text
literal = alloc_compute_meta:
regex   = ^alloc_compute_meta:\s+graph splits\b

[llamacpp_mtmd]
table   = noise
match   = text
literal = mtmd_
regex   = ^mtmd_\w+:\s

[llamacpp_vision_hparams]
table   = noise
match   = text
literal = --- vision hparams ---
regex   = ^--- vision hparams ---\s*$

[llamacpp_image_tokens]
table   = noise
match   = text
literal = image_tokens->n
regex   = ^image_tokens->n[xy] = \d+\s*$

[llamacpp_batch_f32]
table   = noise
match   = text
literal = batch_f32 size
regex   = ^batch_f32 size = \d+\s*$

# progress dots while tensors load
[llamacpp_progress_dots]
table   = noise
match   = text
literal = ...
regex   = ^\.{3,}\s*$

# ================================================================ C++ servers of v0.1.2x-v0.3.x

# {"function":"update_slots","level":"INFO","line":1565,"msg":"...",...}
# (model loaded / unable to load model are classified before this)
[ext_server_json]
table   = noise
match   = text
literal = "function":"
regex   = ^\{.*"function":"\w+".*"msg":"

# INFO [main] build info | build=1 commit="952d03d" ...   /   DEBUG [update_slots] ...
[ext_server_kv]
table   = noise
match   = text
literal = [
regex   = ^(?:INFO|DEBUG|WARN|VERB) \[\w+\]

# v0.1.28 ext server
[ext_server_loading_library]
table   = noise
match   = text
literal = loading library
regex   = ^loading library \S+\s*$

# v0.3.x cgo GPU-library debug output, macOS MLX probe
[cgo_gpu_mem_debug]
table   = noise
match   = text
literal = [GPU-
regex   = ^\[GPU-[0-9a-f-]+\] (?:CUDA totalMem \d+ mb|CUDA freeMem \d+ mb|Compute Capability [\d.]+)\s*$

[cgo_cuda_driver_version]
table   = noise
match   = text
literal = CUDA driver version:
regex   = ^CUDA driver version: [\d.]+\s*$

[cgo_releasing_cuda_driver]
table   = noise
match   = text
literal = releasing cuda driver library
regex   = ^releasing cuda driver library\s*$

[mlx_symbol_probe]
table   = noise
match   = text
literal = MLX: Failed to load symbol:
regex   = ^MLX: Failed to load symbol: \w+\s*$

# ================================================================ llama-server (v0.30+)

# llama-server's own log lines: "srv  update_slots: all slots are idle",
# "slot launch_slot_: id  0 | task 0 | ...", "cmn  common_param: ..." (the
# failures among them are matched by 10-failures.pat first)
[llama_server_srv]
table   = noise
match   = text
literal = srv
regex   = ^srv\s{1,12}[\w()]+:

[llama_server_slot]
table   = noise
match   = text
literal = slot
regex   = ^slot\s{1,12}[\w()]+:

[llama_server_que]
table   = noise
match   = text
literal = que
regex   = ^que\s{1,12}[\w()]+:

[llama_server_cmn]
table   = noise
match   = text
literal = cmn
regex   = ^cmn\s{1,12}[\w()]+:

[llama_server_spec]
table   = noise
match   = text
literal = spec
regex   = ^spec\s{1,12}[\w()]+:

[llama_server_res]
table   = noise
match   = text
literal = res
regex   = ^res\s{1,12}[\w()]+:

[llama_server_common]
table   = noise
match   = text
literal = common_
regex   = ^(?:common_params_fit_impl|common_fit_params|common_init_result|common_init_from_params|common_params_print_info|common_speculative_init):\s

[llama_server_info]
table   = noise
match   = text
literal = _info:
regex   = ^(?:log_info|system_info|build_info|device_info):(?:\s|$)

# common_memory_breakdown_print: | memory breakdown [MiB] | total    free     self   model ...
[llamacpp_memory_breakdown_header]
table   = noise
match   = text
literal = memory breakdown [MiB]
regex   = ^common_memory_breakdown_print:\s*\|\s*memory breakdown \[MiB\]\s*\|

# device list of common_params_print_info:  "  - CUDA0   : NVIDIA A40 (45488 MiB, 15814 MiB free)"
[llama_server_device_list]
table   = noise
match   = text
literal = MiB free)
regex   = ^\s+- \S+\s*: .*\(\d+ MiB, \d+ MiB free\)\s*$

# sampler parameters, tab-indented
[llama_server_sampler_params]
table   = noise
match   = text
literal = =
regex   = ^\t(?:repeat_last_n|dry_multiplier|top_k|mirostat) =

# the chat-template example printed by llama-server's init over several lines:
#   init: chat template, example_format: '<|im_start|>system
#   You are a helpful assistant<|im_end|>
#   <|im_start|>user
#   Hello<|im_end|> ... <|im_start|>assistant
#   '
[llama_server_template_example]
table   = noise
match   = text
literal = chat template, example_format:
regex   = ^init: chat template, example_format: '

[llama_server_template_im_start]
table   = noise
match   = text
literal = <|im_start|>
regex   = ^<\|im_start\|>(?:system|user|assistant)\s*$

[llama_server_template_im_end]
table   = noise
match   = text
literal = <|im_end|>
regex   = ^(?:You are a helpful assistant|Hello|Hi there|How are you\?)<\|im_end\|>\s*$

[llama_server_template_end]
table   = noise
match   = text
literal = '
regex   = ^'\s*$

# ================================================================ Go crash dumps (the head line is a failure)

[go_goroutine_header]
table   = noise
match   = text
literal = goroutine
regex   = ^goroutine \d+ (?:gp=\S+ m=\S+ (?:mp=\S+ )?)?\[[^\]]*\]:\s*$

[go_stack_file]
table   = noise
match   = text
literal = .go:
regex   = ^\t\S.*\.go:\d+(?: \+0x[0-9a-f]+(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?)?\s*$

[go_stack_asm_file]
table   = noise
match   = text
literal = .s:
regex   = ^\t\S.*\.s:\d+(?: \+0x[0-9a-f]+(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?)?\s*$

[go_stack_autogenerated]
table   = noise
match   = text
literal = <autogenerated>
regex   = ^\t<autogenerated>:\d+

[go_stack_created_by]
table   = noise
match   = text
literal = created by
regex   = ^created by \S+(?: in goroutine \d+)?\s*$

[go_stack_function]
table   = noise
match   = text
literal = (
regex   = ^(?:[\w.-]+/)*[\w-]+(?:\.(?:\(\*?[\w-]+\)|[\w-]+))+(?:\[[^\]]*\])?\((?:\.\.\.|[^()]*)\)\s*$

[go_crash_registers]
table   = noise
match   = text
literal = 0x
regex   = ^(?:r\d{1,2}|rax|rbx|rcx|rdx|rdi|rsi|rbp|rsp|rip|rflags|cs|fs|gs|lr|sp|pc|fault)\s+0x[0-9a-f]+\s*$

[go_crash_pc]
table   = noise
match   = text
literal = PC=0x
regex   = ^PC=0x[0-9a-f]+ m=\d+ sigcode=\d+

[go_crash_signal_note]
table   = noise
match   = text
literal = signal
regex   = ^(?:signal arrived during cgo execution|\[signal \w+: .*\])\s*$

[go_exit_status]
table   = noise
match   = text
literal = exit status
regex   = ^exit status \d+\s*$

# ================================================================ PowerShell capture
# Windows PowerShell 5.1 wraps the first line the server writes to stderr
# in an error record when it is redirected ("ollama serve > server.log
# 2>&1"): "ollama.exe : " before the line (removed before classification,
# see rejoin.c), then this NativeCommandError block, in the console's
# language (English and German here).

# At C:\Users\anna\start.ps1:10 char:1 / In Zeile:1 Zeichen:1
[powershell_error_position]
table   = noise
match   = text
literal = :
regex   = ^(?:At|In) (?:\S.*:\d+|line:\d+|Zeile:\d+) (?:char|Zeichen):\d+\s*$

# + ollama serve > server.log 2>&1   (the command, echoed)
[powershell_command_echo]
table   = noise
match   = text
literal = ollama
regex   = ^\+ (?!~).*\bollama\b

# + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
[powershell_command_underline]
table   = noise
match   = text
literal = + ~
regex   = ^\+ ~+\s*$

#     + CategoryInfo          : NotSpecified: (time=2024-...:String) [], RemoteException
[powershell_category_info]
table   = noise
match   = text
literal = CategoryInfo
regex   = ^\s+\+ CategoryInfo\s+: 

#     + FullyQualifiedErrorId : NativeCommandError
[powershell_error_id]
table   = noise
match   = text
literal = FullyQualifiedErrorId
regex   = ^\s+\+ FullyQualifiedErrorId\s+: \w+\s*$
