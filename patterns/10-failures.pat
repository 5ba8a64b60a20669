# 10-failures.pat - load errors, out-of-memory, runner deaths, timeouts, panics.
#
# Tried before every other file. slog entries match the unescaped msg value;
# text entries the whole llama.cpp / Go runtime line.
#
# kind values: load_error load_failed runner_terminated timeout client_closed
#              eof panic oom model_load_error sysmem alloc_failed
#   oom          = the GPU runtime reported out of memory (cudaMalloc/hipMalloc
#                  failed, "CUDA error: out of memory", Vulkan
#                  ErrorOutOfDeviceMemory, Metal ...ErrorOutOfMemory)
#   alloc_failed = any other allocation that failed (host/pinned buffers,
#                  "failed to allocate ... buffer of size N", compute/KV
#                  buffers); the oom column still says whether the text
#                  reports running out of memory
#   panic        = the runner process crashed: Go "panic:" / "fatal error:"
#                  / fatal signal (SIGSEGV, SIGABRT ...), GGML_ASSERT or C
#                  assertion, a fatal CUDA/ROCm runtime error
#   model_load_error = llama.cpp could not load the model or create its
#                  context ("error loading model", "failed to load model",
#                  "failed to create context", llama-server "exiting due to
#                  model loading error")
# ends_load (default 1): whether the line ends a load in progress as failed
# (loadseq.c). It is 0 for warnings that do not (the pinned-memory fallback,
# the client giving up before Ollama logs the error) and for crash details
# (CUDA runtime errors, asserts, fatal signals) that precede the error line
# Ollama logs for the same load ("error loading llama server", "llama
# runner terminated"), which is the one that ends it.
# One failing load usually yields several rows (llama.cpp's own lines, then
# Ollama's "error loading llama server" / "Load failed"); all are kept.
#
# Deliberately NOT failures (see 90-noise.pat): msg="post predict" (request
# errors, e.g. after a runner crash or a client timeout), msg="waiting for
# server to become available" status="llm server error" (a normal status
# while the runner starts), "aborting completion request ...", "llm
# embedding error ...".

# ---------------------------------------------------------------- Ollama (slog)

# server/sched.go, v0.1.33+. error= is the whole (multi-line) runner error:
# "llama runner process has terminated: exit status 2", "... CUDA error: out
# of memory", "timed out waiting for llama runner to start: context canceled",
# "model requires more system memory (X) than is available (Y)" ...
[load_error]
table   = failures
match   = slog
literal = error loading llama server
regex   = ^error loading llama server$
col kind        = const:load_error
col error       = attr:error
col model       = attr:model
col exit_status = attr:error:exit
col oom         = attr:error:oom

# server/sched.go, v0.11.5+ (INFO level)
[load_failed]
table   = failures
match   = slog
literal = Load failed
regex   = ^Load failed$
col kind        = const:load_failed
col error       = attr:error
col model       = attr:model
col exit_status = attr:error:exit
col oom         = attr:error:oom

# ERROR "llama runner terminated" error="exit status 2" (v0.2.8-v0.24.0),
# "llama-server terminated" error="exit status 1" exit=1 (v0.30+)
[runner_terminated]
table   = failures
match   = slog
literal = terminated
regex   = ^(?:llama runner|llama-server) terminated$
col kind        = const:runner_terminated
col error       = attr:error
col exit_status = attr:error:exit
col oom         = attr:error:oom

# WARN "llama runner process no longer running" sys=9 string="signal: killed"
[runner_no_longer_running]
table   = failures
match   = slog
literal = llama runner process no longer running
regex   = ^llama runner process no longer running$
col kind        = const:runner_terminated
col error       = attr:string|error
col exit_status = attr:string|error:exit

# WARN v0.1.39-v0.24.0
[client_closed]
table   = failures
match   = slog
literal = client connection closed before server finished loading
regex   = ^client connection closed before server finished loading, aborting load$
col kind = const:client_closed
col ends_load = const:0

# when the timeout is logged as its own message (not inside error=)
# "timed out waiting for llama runner to start: context canceled"
# "timed out waiting for llama runner to start - progress 0.00 - ..."
[load_timeout]
table   = failures
match   = slog
literal = timed out waiting for llama runner to start
regex   = ^(?<err>timed out waiting for llama runner to start\b.*)$
col kind  = const:timeout
col error = group:err
col oom   = group:err:oom

# new-engine load RPC, v0.11.5-v0.24.0: slog.Error("do load request", "error", err)
[load_request_eof]
table   = failures
match   = slog
literal = do load request
regex   = ^do load request(?::.*)?$
col kind  = const:eof
col error = attr:error

# "model requires more system memory (X) than is available (Y)" when it is
# the message itself; WARN "model request too large for system" requested=
# available= (scheduler, v0.2.x+)
[sysmem]
table   = failures
match   = slog
literal = system
regex   = ^(?<err>model requires more system memory\b.*|model request too large for system)$
col kind  = const:sysmem
col error = group:err

# ---------------------------------------------------------------- llama.cpp (text)

# llama_model_load: error loading model: unable to allocate CUDA0 buffer
# (also llama_model_load_internal:, and bare "error loading model: ..." of
# v0.0.x and of llama-server)
[llamacpp_model_load_error]
table   = failures
match   = text
literal = error loading model
regex   = ^(?:\w+:\s+)?error loading model:\s*(?<err>.*?)\s*$
col kind  = const:model_load_error
col error = group:err
col oom   = group:err:oom

# llama_load_model_from_file: failed to load model (<= v0.5.12)
# llama_model_load_from_file_impl: failed to load model (v0.5.13+)
# llama_load_model_from_file: exception loading model
[llamacpp_load_model_failed]
table   = failures
match   = text
literal = from_file
regex   = ^(?<fn>llama_load_model_from_file|llama_model_load_from_file_impl|llama_model_load_from_file):\s+(?<err>failed to load model|exception loading model)\b.*$
col kind  = const:model_load_error
col error = group:err

# ggml_backend_cuda_buffer_type_alloc_buffer: allocating 35533.34 MiB on device 0: cudaMalloc failed: out of memory
[cuda_malloc_oom]
table   = failures
match   = text
literal = cudaMalloc failed
regex   = ^(?:\w+:\s+)?(?:allocating\s+(?<sz>[0-9.]+)\s*MiB on device\s+(?<dev>\d+):\s*)?(?<err>cudaMalloc failed:.*?)\s*$
col kind       = const:oom
col error      = group:err
col oom        = const:1
col size_bytes = group:sz:mib

# ROCm/HIP counterpart: "... hipMalloc failed: out of memory"
[hip_malloc_oom]
table   = failures
match   = text
literal = hipMalloc failed
regex   = ^(?:\w+:\s+)?(?:allocating\s+(?<sz>[0-9.]+)\s*MiB on device\s+(?<dev>\d+):\s*)?(?<err>hipMalloc failed:.*?)\s*$
col kind       = const:oom
col error      = group:err
col oom        = const:1
col size_bytes = group:sz:mib

# ggml_cuda_host_malloc: failed to allocate 8301.56 MiB of pinned memory: out of memory
# (llama.cpp falls back to pageable memory; not fatal by itself)
[pinned_malloc_failed]
table   = failures
match   = text
literal = of pinned memory
regex   = ^\w+:\s+(?<err>failed to allocate\s+(?<sz>[0-9.]+)\s*MiB of pinned memory.*?)\s*$
col kind       = const:alloc_failed
col error      = group:err
col oom        = group:err:oom
col size_bytes = group:sz:mib
col ends_load  = const:0

# ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size 14495514624
# alloc_tensor_range: failed to allocate CPU buffer of size 14495514624
# ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 150995968
[buffer_alloc_failed]
table   = failures
match   = text
literal = failed to allocate
regex   = ^\w+:\s+(?<err>failed to allocate (?:(?<dev>\S+) )?buffer of size (?<size>\d+).*?)\s*$
col kind       = const:alloc_failed
col error      = group:err
col oom        = group:err:oom
col size_bytes = group:size:int

# llama_init_from_model: failed to initialize the context: failed to allocate buffer for kv cache
# llama_kv_cache_init: failed to allocate buffer for kv cache (older)
[kv_alloc_failed]
table   = failures
match   = text
literal = failed to allocate buffer for kv cache
regex   = ^\w+:\s+(?<err>.*failed to allocate buffer for kv cache.*?)\s*$
col kind  = const:alloc_failed
col error = group:err
col oom   = group:err:oom

# llama_new_context_with_model: failed to allocate compute buffers
[compute_alloc_failed]
table   = failures
match   = text
literal = failed to allocate compute buffers
regex   = ^\w+:\s+(?<err>failed to allocate compute buffers.*?)\s*$
col kind  = const:alloc_failed
col error = group:err
col oom   = group:err:oom

# Vulkan:
#   ggml_vulkan: Device memory allocation of size 369827840 failed.
#   ggml_vulkan: vk::Device::allocateMemory: ErrorOutOfDeviceMemory
#   ggml_vulkan: Requested buffer size exceeds device buffer size limit: ErrorOutOfDeviceMemory
[vulkan_alloc_failed]
table   = failures
match   = text
literal = Device memory allocation of size
regex   = ^(?:\w+:\s+)?(?<err>Device memory allocation of size (?<size>\d+) failed.*?)\s*$
col kind       = const:oom
col error      = group:err
col oom        = const:1
col size_bytes = group:size:int

[vulkan_out_of_device_memory]
table   = failures
match   = text
literal = ErrorOutOfDeviceMemory
regex   = ^(?:\w+:\s+)?(?<err>.*ErrorOutOfDeviceMemory.*?)\s*$
col kind  = const:oom
col error = group:err
col oom   = const:1

# Metal: "error: Insufficient Memory (00000008:kIOGPUCommandBufferCallbackErrorOutOfMemory)"
[metal_out_of_memory]
table   = failures
match   = text
literal = ErrorOutOfMemory
regex   = ^(?:[\w ]+:\s+)?(?<err>.*ErrorOutOfMemory.*?)\s*$
col kind  = const:oom
col error = group:err
col oom   = const:1

# llama_init_from_model: failed to initialize the context: <reason>
# llama_new_context_with_model: failed to initialize the context ...
[context_init_failed]
table   = failures
match   = text
literal = failed to initialize the context
regex   = ^\w+:\s+(?<err>failed to initialize the context.*?)\s*$
col kind  = const:model_load_error
col error = group:err
col oom   = group:err:oom

# common_init_: failed to create context with model '/path'   (also "cmn  " prefixed)
# common_init_from_params: ..., llama_init_from_gpt_params: error: ...
# srv    load_model: failed to create_context with model '/path'  (llama-server)
[create_context_failed]
table   = failures
match   = text
literal = with model '
regex   = ^(?:cmn\s+|srv\s+)?\w+:\s+(?:error:\s+)?(?<err>failed to create[_ ]context with model '(?<model>.*)')\s*$
col kind  = const:model_load_error
col error = group:err
col model = group:model

# llama-server (v0.30+): "srv  llama_server: exiting due to model loading error"
[llama_server_exit_load_error]
table   = failures
match   = text
literal = exiting due to model loading error
regex   = ^(?:srv\s+)?\w+:\s+(?<err>exiting due to model loading error.*?)\s*$
col kind  = const:model_load_error
col error = group:err

# C++ ollama_llama_server (v0.1.3x-v0.3.x) when the model cannot be loaded:
#   ERROR [load_model] unable to load model | model="/path" tid="..." timestamp=...
#   {"function":"load_model","level":"ERR",...,"model":"C:\\...","msg":"unable to load model",...}
[ext_server_unable_to_load]
table   = failures
match   = text
literal = ERROR [load_model] unable to load model
regex   = ^ERROR \[load_model\] (?<err>unable to load model)\b(?:.*?\bmodel="(?<model>[^"]*)")?
col kind  = const:model_load_error
col error = group:err
col model = group:model

# JSON form: the model path stays JSON-escaped in the line, so it is only
# taken when it holds no backslash (Linux/macOS paths)
[ext_server_unable_to_load_json]
table   = failures
match   = text
literal = "msg":"unable to load model"
regex   = ^\{.*?"function":"load_model".*?(?:"model":"(?<model>[^"\\]*)",.*?)?"msg":"(?<err>unable to load model)"
col kind  = const:model_load_error
col error = group:err
col model = group:model

# Go panics of the runner: "panic: unable to load model: /path" (v0.4-v0.5),
# any other "panic: ..." (runtime errors)
[go_panic_load_model]
table   = failures
match   = text
literal = panic: unable to load model
regex   = ^panic: (?<err>unable to load model:\s*(?<model>.*?))\s*$
col kind  = const:panic
col error = group:err
col model = group:model

[go_panic]
table   = failures
match   = text
literal = panic:
regex   = ^panic: (?<err>.+?)\s*$
col kind  = const:panic
col error = group:err
col oom   = group:err:oom

# the runner's own last words before it aborts (ggml / CUDA / C assert):
#   CUDA error: out of memory
#   CUDA error 2 at /go/src/.../ggml-cuda.cu:9096: out of memory   (late 2023)
#   CUDA error: CUBLAS_STATUS_NOT_INITIALIZED      (followed by "  current device: 0, in function ...")
#   ggml.c:4512: GGML_ASSERT(ctx->mem_buffer != NULL) failed
#   GGML_ASSERT: /go/src/.../ggml-cuda.cu:9096: !"CUDA error"       (late 2023)
#   ollama: llama-sampling.cpp:660: void llama_sampler_dist_apply(...): Assertion `found' failed.
[gpu_runtime_oom]
table   = failures
match   = text
literal = out of memory
regex   = ^(?<err>(?:CUDA|ROCm|HIP|SYCL) error(?: \d+ at \S+)?: out of memory.*?)\s*$
col kind  = const:oom
col error = group:err
col oom   = const:1

[gpu_runtime_error]
table   = failures
match   = text
literal = error
regex   = ^(?<err>(?:CUDA|ROCm|HIP|SYCL) error(?: \d+ at \S+)?: \S.*?)\s*$
col kind  = const:panic
col error = group:err
col oom   = group:err:oom
col ends_load = const:0

[ggml_assert]
table   = failures
match   = text
literal = GGML_ASSERT
regex   = ^(?:[\w./\\:-]+\.(?:c|cc|cpp|cu|cuh|h|m|mm):\d+:\s+)?(?<err>GGML_ASSERT(?:\(.*\) failed|: \S+:\d+: ).*?)\s*$
col kind  = const:panic
col error = group:err
col ends_load = const:0

[c_assertion_failed]
table   = failures
match   = text
literal = Assertion `
regex   = ^(?:[\w.-]+: )?(?<err>[\w./\\:-]+\.(?:c|cc|cpp|cu|h|m|mm):\d+: .*Assertion `.*' failed\.?)\s*$
col kind  = const:panic
col error = group:err
col ends_load = const:0

# Go runtime fatal errors ("fatal error: out of memory", "fatal error:
# concurrent map writes") and fatal signals of the runner (crash dump head).
[go_fatal_error]
table   = failures
match   = text
literal = fatal error:
regex   = ^fatal error: (?<err>.+?)\s*$
col kind  = const:panic
col error = group:err
col oom   = group:err:oom
col ends_load = const:0

[go_fatal_signal]
table   = failures
match   = text
literal = SIG
regex   = ^(?<err>SIG(?:ABRT|SEGV|BUS|ILL|FPE|TRAP|KILL|QUIT): .+?)\s*$
col kind  = const:panic
col error = group:err
col ends_load = const:0

# ---------------------------------------------------------------- plain Go log (v0.0.x-v0.1.20)
# "llama.go:459: error starting llama runner: llama runner process has terminated"
# (the "YYYY/MM/DD HH:MM:SS " prefix is removed before classification)

[golog_runner_start_error]
table   = failures
match   = text
literal = error starting
regex   = ^[\w.-]+\.go:\d+: (?<err>error starting (?:the external )?llama runner: .*?)\s*$
col kind        = const:load_error
col error       = group:err
col exit_status = group:err:exit
col oom         = group:err:oom

[golog_runner_exited_error]
table   = failures
match   = text
literal = llama runner exited with error
regex   = ^[\w.-]+\.go:\d+: llama runner exited with error: (?<err>.*?)\s*$
col kind        = const:runner_terminated
col error       = group:err
col exit_status = group:err:exit
col oom         = group:err:oom

[golog_load_timeout]
table   = failures
match   = text
literal = timed out waiting for llama runner to start
regex   = ^[\w.-]+\.go:\d+: (?<err>timed out waiting for llama runner to start\b.*?)\s*$
col kind  = const:timeout
col error = group:err
