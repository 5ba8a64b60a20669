# 30-llamacpp.pat - llama.cpp / ggml output of every era (match = text).
#
# llama.cpp prints "func: text" with the C function name as prefix; the names
# changed across versions (shared/FORMATS.md section 4):
#   metadata    llm_load_print_meta:  -> print_info:
#   vocab       llm_load_vocab:       -> load:
#   tensors     llm_load_tensors:     -> load_tensors:   (GGML era: llama_model_load_internal:)
#   context     llama_new_context_with_model: -> llama_context: | llama_init_from_model: -> + sched_reserve: (v0.30+)
#   KV cache    llama_kv_cache_init:  -> llama_kv_cache_unified: -> llama_kv_cache:
# Values are padded with a variable number of blanks, sizes are "%.2f MiB"
# (older builds "MB", also MiB-based). Windows builds end these lines with
# CR LF; the CR is gone before classification. Specific entries come first,
# the generic print_info "name = value" entry last.

# ---------------------------------------------------------------- C5 memory_buffers (llama.cpp)

# llama_kv_cache_init:      CUDA0 KV buffer size =   256.00 MiB
# llama_kv_cache_unified:      CUDA0 KV buffer size =  8192.00 MiB
# llama_kv_cache:    Vulkan0 KV buffer size =   512.00 MiB
[llamacpp_kv_buffer]
table   = memory_buffers
match   = text
literal = KV buffer size
regex   = ^(?:llama_kv_cache_init|llama_kv_cache_unified|llama_kv_cache|llama_kv_cache_iswa|llama_memory_recurrent|llama_new_context_with_model|llama_context|llama_init_from_model):\s+(?<dev>\S+)\s+KV buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:kv
col device     = group:dev
col size_bytes = group:size:mib

# all devices together (device NULL), with the K and V parts:
# llama_new_context_with_model: KV self size  =  256.00 MiB, K (f16):  128.00 MiB, V (f16):  128.00 MiB
# llama_kv_cache_unified: KV self size  = 1024.00 MiB, K (f16): ...        (v0.9.x)
# llama_new_context_with_model: kv self size  = 1024.00 MB                  (late 2023)
[llamacpp_kv_self_size]
table   = memory_buffers
match   = text
literal = self size
regex   = ^(?:llama_new_context_with_model|llama_context|llama_init_from_model|llama_kv_cache_init|llama_kv_cache_unified|llama_kv_cache|llama_init_from_file):\s+(?:KV|kv) self size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)(?:,\s*K \([^)]*\):\s*(?<k>[0-9.]+)\s*(?:MiB|MB),\s*V \([^)]*\):\s*(?<v>[0-9.]+)\s*(?:MiB|MB))?
col reporter   = const:llama.cpp
col kind       = const:kv
col size_bytes = group:size:mib
col k_bytes    = group:k:mib
col v_bytes    = group:v:mib

# the form that replaced "KV self size" (v0.9+ / llama.cpp 2025):
# llama_kv_cache: size =  512.00 MiB (  4096 cells,  32 layers,  1/1 seqs), K (f16):  256.00 MiB, V (f16):  256.00 MiB
[llamacpp_kv_cache_size]
table   = memory_buffers
match   = text
literal = size =
regex   = ^(?:llama_kv_cache_unified|llama_kv_cache|llama_kv_cache_iswa):\s+size\s*=\s*(?<size>[0-9.]+)\s*MiB(?:\s*\([^)]*\))?(?:,\s*K \([^)]*\):\s*(?<k>[0-9.]+)\s*MiB,\s*V \([^)]*\):\s*(?<v>[0-9.]+)\s*MiB)?
col reporter   = const:llama.cpp
col kind       = const:kv
col size_bytes = group:size:mib
col k_bytes    = group:k:mib
col v_bytes    = group:v:mib

# llama_new_context_with_model:      CUDA0 compute buffer size =   164.00 MiB
# llama_context:  CUDA_Host compute buffer size =    84.01 MiB
# sched_reserve:    Vulkan0 compute buffer size =   925.06 MiB   (v0.30+)
[llamacpp_compute_buffer]
table   = memory_buffers
match   = text
literal = compute buffer size
regex   = ^(?:llama_new_context_with_model|llama_context|llama_init_from_model|sched_reserve|graph_reserve):\s+(?<dev>\S+)\s+compute buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:compute
col device     = group:dev
col size_bytes = group:size:mib

# late-2023 builds: "llama_new_context_with_model: compute buffer total size = 153.13 MB"
[llamacpp_compute_buffer_total]
table   = memory_buffers
match   = text
literal = compute buffer total size
regex   = ^(?:llama_new_context_with_model|llama_context):\s+compute buffer total size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:compute
col size_bytes = group:size:mib

# clip / mtmd projector (vision models): "alloc_compute_meta:      CUDA0 compute buffer size =    21.55 MiB"
[clip_compute_buffer]
table   = memory_buffers
match   = text
literal = compute buffer size
regex   = ^alloc_compute_meta:\s+(?<dev>\S+)\s+compute buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:compute
col device     = group:dev
col size_bytes = group:size:mib

# llama_new_context_with_model:  CUDA_Host  output buffer size =     0.13 MiB
# llama_context: Vulkan_Host  output buffer size =     0.49 MiB
[llamacpp_output_buffer]
table   = memory_buffers
match   = text
literal = output buffer size
regex   = ^(?:llama_new_context_with_model|llama_context|llama_init_from_model):\s+(?<dev>\S+)\s+output buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:output
col device     = group:dev
col size_bytes = group:size:mib

# early 2024 (v0.1.2x): "llama_new_context_with_model:  CUDA_Host input buffer size   =    13.02 MiB"
[llamacpp_input_buffer]
table   = memory_buffers
match   = text
literal = input buffer size
regex   = ^(?:llama_new_context_with_model|llama_context):\s+(?<dev>\S+)\s+input buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col reporter   = const:llama.cpp
col kind       = const:input
col device     = group:dev
col size_bytes = group:size:mib

# common_memory_breakdown_print (llama-server, v0.30+), values in MiB:
# | memory breakdown [MiB] | total    free     self   model   context   compute    unaccounted |   <- header: noise
# |   - CUDA0 (A40)        | 45488 = 15814 + (19728 = 18508 +    1024 +     196) +        9945 |
# |   - Host               |                    441 =   417 +       0 +      24                |
# "self" (model + context + compute) is stored as size_bytes.
[llamacpp_memory_breakdown_device]
table   = memory_buffers
match   = text
literal = common_memory_breakdown_print:
regex   = ^common_memory_breakdown_print:\s*\|\s*-\s+(?<dev>\S+)(?:\s+\([^|]*\))?\s*\|\s*(?<total>-?\d+)\s*=\s*(?<free>-?\d+)\s*\+\s*\(\s*(?<self>-?\d+)\s*=\s*(?<model>-?\d+)\s*\+\s*(?<ctx>-?\d+)\s*\+\s*(?<comp>-?\d+)\s*\)\s*\+\s*(?<unacc>-?\d+)\s*\|\s*$
col reporter          = const:llama.cpp
col kind              = const:breakdown
col device            = group:dev
col size_bytes        = group:self:mib
col total_bytes       = group:total:mib
col free_bytes        = group:free:mib
col model_bytes       = group:model:mib
col context_bytes     = group:ctx:mib
col compute_bytes     = group:comp:mib
col unaccounted_bytes = group:unacc:mib

[llamacpp_memory_breakdown_host]
table   = memory_buffers
match   = text
literal = common_memory_breakdown_print:
regex   = ^common_memory_breakdown_print:\s*\|\s*-\s+(?<dev>\S+)(?:\s+\([^|]*\))?\s*\|\s*(?<self>-?\d+)\s*=\s*(?<model>-?\d+)\s*\+\s*(?<ctx>-?\d+)\s*\+\s*(?<comp>-?\d+)\s*\|\s*$
col reporter      = const:llama.cpp
col kind          = const:breakdown
col device        = group:dev
col size_bytes    = group:self:mib
col model_bytes   = group:model:mib
col context_bytes = group:ctx:mib
col compute_bytes = group:comp:mib

# ---------------------------------------------------------------- C8 token_caches

# llm_load_vocab: special tokens cache size = 259   /   load: special tokens cache size = 5
[llamacpp_special_tokens_cache]
table   = token_caches
match   = text
literal = special tokens cache size
regex   = ^(?:llm_load_vocab|load|llama_vocab|print_info):\s+special tokens cache size\s*=\s*(?<n>\d+)
col kind  = const:special_tokens
col count = group:n:int

# older llama.cpp (v0.1.2x-v0.1.3x): "llm_load_vocab: special tokens definition check successful ( 259/32000 )."
[llamacpp_special_tokens_check]
table   = token_caches
match   = text
literal = special tokens definition check successful
regex   = ^(?:llm_load_vocab|load):\s+special tokens definition check successful\s*\(\s*(?<n>\d+)\s*/\s*(?<vocab>\d+)\s*\)
col kind       = const:special_tokens
col count      = group:n:int
col vocab_size = group:vocab:int

# "token to piece cache size = 0.1637 MB" (the "MB" is MiB)
[llamacpp_token_to_piece_cache]
table   = token_caches
match   = text
literal = token to piece cache size
regex   = ^(?:llm_load_vocab|load|llama_vocab|print_info):\s+token to piece cache size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col kind       = const:token_to_piece
col size_bytes = group:size:mib

# ---------------------------------------------------------------- C9 model_files

# llm_load_print_meta: model size       = 3.83 GiB (4.54 BPW)      (<= v0.5.12)
# print_info: file size   = 260.86 MiB (16.00 BPW)                 (v0.5.13+)
[llamacpp_model_size]
table   = model_files
match   = text
literal = BPW)
regex   = ^(?:llm_load_print_meta|print_info):\s+(?:model|file) size\s*=\s*(?<size>[0-9.]+\s*[KMGT]i?B)\s*\(\s*(?<bpw>[0-9.]+)\s*BPW\)
col kind       = const:size
col size_bytes = group:size:bytes
col bpw        = group:bpw:real

# llm_load_print_meta: model ftype      = Q4_0   /   print_info: file type   = Q4_K - Medium
[llamacpp_file_type]
table   = model_files
match   = text
literal = type
regex   = ^(?:llm_load_print_meta|print_info|llama_model_load_internal):\s+(?:model ftype|file type|ftype)\s*=\s*(?<v>.*?)\s*$
col kind  = const:file_type
col value = group:v

# llm_load_print_meta: format           = GGUF V3 (latest)   /   print_info: file format = GGUF V3 (latest)
# (GGML era: "llama_model_load_internal: format     = ggjt v3 (latest)", "ftype = 2 (mostly Q4_0)")
[llamacpp_file_format]
table   = model_files
match   = text
literal = format
regex   = ^(?:llm_load_print_meta|print_info|llama_model_load_internal):\s+(?:file )?format\s*=\s*(?<v>.*?)\s*$
col kind  = const:file_format
col value = group:v

# GGML era (v0.0.x): "llama.cpp: loading model from /path/to/model.bin"
[ggml_loading_model_from]
table   = model_files
match   = text
literal = llama.cpp: loading model from
regex   = ^llama\.cpp: loading model from (?<path>.+?)\s*$
col kind = const:loaded
col path = group:path

# llama_model_loader: loaded meta data with 24 key-value pairs and 291 tensors from /path (version GGUF V3 (latest))
# (value = the version text)
[llamacpp_loaded_meta]
table   = model_files
match   = text
literal = llama_model_loader: loaded meta data with
regex   = ^llama_model_loader: loaded meta data with (?<kv>\d+) key-value pairs and (?<tensors>\d+) tensors from (?<path>.+?)(?: \(version (?<ver>.*)\))?\s*$
col kind         = const:loaded
col path         = group:path
col kv_count     = group:kv:int
col tensor_count = group:tensors:int
col value        = group:ver

# ---------------------------------------------------------------- C10 tensor_loads

# load_tensors: loading model tensors, this can take a while... (mmap = true)
# load_tensors: loading model tensors, this can take a while... (mmap = true, direct_io = false)
[llamacpp_loading_tensors]
table   = tensor_loads
match   = text
literal = loading model tensors
regex   = ^(?:llm_load_tensors|load_tensors):\s+loading model tensors, this can take a while\.*\s*(?:\(mmap = (?<mmap>true|false)\b[^)]*\))?
col kind = const:loading
col mmap = group:mmap:bool

[llamacpp_offloading_repeating]
table   = tensor_loads
match   = text
literal = repeating layers to GPU
regex   = ^(?:llm_load_tensors|load_tensors|llama_model_load_internal):\s+offloading (?<n>\d+) repeating layers to GPU
col kind   = const:offloading_repeating
col layers = group:n:int

[llamacpp_offloading_nonrepeating]
table   = tensor_loads
match   = text
literal = offloading non-repeating layers
regex   = ^(?:llm_load_tensors|load_tensors|llama_model_load_internal):\s+offloading non-repeating layers to GPU
col kind = const:offloading_nonrepeating

[llamacpp_offloading_output]
table   = tensor_loads
match   = text
literal = offloading output layer to
regex   = ^(?:llm_load_tensors|load_tensors):\s+offloading output layer to (?<dev>GPU|CPU)
col kind   = const:offloading_output
col device = group:dev

[llamacpp_offloaded]
table   = tensor_loads
match   = text
literal = layers to GPU
regex   = ^(?:llm_load_tensors|load_tensors|llama_model_load_internal):\s+offloaded (?<x>\d+)/(?<y>\d+) layers to GPU
col kind             = const:offloaded
col layers_offloaded = group:x:int
col layers_total     = group:y:int

# llm_load_tensors:      CUDA0 buffer size =  3847.55 MiB     (<= v0.5.12)
# load_tensors:   CPU_Mapped model buffer size =  9678.66 MiB (v0.5.13+)
[llamacpp_tensor_buffer]
table   = tensor_loads
match   = text
literal = buffer size
regex   = ^(?:llm_load_tensors|load_tensors):\s+(?<dev>\S+)\s+(?:model )?buffer size\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col kind       = const:buffer
col device     = group:dev
col size_bytes = group:size:mib

# late 2023: "llm_load_tensors: VRAM used: 6936.01 MB" (GGML era: "llama_model_load_internal: total VRAM used: 3217 MB")
[llamacpp_vram_used]
table   = tensor_loads
match   = text
literal = VRAM used:
regex   = ^(?:llm_load_tensors|llama_model_load_internal):\s+(?:total )?VRAM used:\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col kind       = const:vram_used
col size_bytes = group:size:mib

# late 2023: "llm_load_tensors: mem required  = 3917.98 MB" = host memory for
# the weights not offloaded (stored as a CPU buffer)
[llamacpp_mem_required]
table   = tensor_loads
match   = text
literal = mem required
regex   = ^(?:llm_load_tensors|llama_model_load_internal):\s+mem required\s*=\s*(?<size>[0-9.]+)\s*(?:MiB|MB)\b
col kind       = const:buffer
col device     = const:CPU
col size_bytes = group:size:mib

# ---------------------------------------------------------------- C11 model_params

# llm_load_print_meta: model params     = 7.24 B   /   print_info: model params     = 136.73 M
[llamacpp_model_params]
table   = model_params
match   = text
literal = model params
regex   = ^(?:llm_load_print_meta|print_info):\s+model params\s*=\s*(?<v>.*?)\s*$
col kind   = const:params
col params = group:v:params
col value  = group:v

# llm_load_print_meta: model type       = 7B   (also "?B", "8x7B", "0.5B")
# GGML era: "llama_model_load_internal: model size = 7B" is the model type
[llamacpp_model_type]
table   = model_params
match   = text
literal = model
regex   = ^(?:(?:llm_load_print_meta|print_info):\s+model type|llama_model_load_internal:\s+model size)\s*=\s*(?<v>.*?)\s*$
col kind  = const:model_type
col value = group:v

# ---------------------------------------------------------------- C12 runners (llama.cpp side)

# load completion as reported by the C++ server of v0.1.2x-v0.3.x:
#   {"function":"main","level":"INFO","line":3064,"msg":"model loaded",...}
#   INFO [main] model loaded | tid="..." timestamp=...
# and by llama-server (v0.30+): "srv  llama_server: model loaded"
[llamacpp_model_loaded_json]
table   = runners
match   = text
literal = "msg":"model loaded"
regex   = ^\{.*"function":"\w+".*"msg":"model loaded"
col kind = const:model_loaded

[llamacpp_model_loaded_kv]
table   = runners
match   = text
literal = model loaded
regex   = ^INFO \[\w+\] model loaded\s*(?:\||$)
col kind = const:model_loaded

[llama_server_model_loaded]
table   = runners
match   = text
literal = model loaded
regex   = ^srv\s+\w+:\s+model loaded\s*$
col kind = const:model_loaded

# The runner's devices, to tell which inventory GPU a load's CUDA1 is:
#   llama_model_load_from_file_impl: using device CUDA0 (NVIDIA A40) - 45217 MiB free
#   llama_model_load_from_file_impl: using device CUDA1 (Quadro RTX 6000) (0000:40:00.0) - 23854 MiB free
#   llama_prepare_model_devices: using device Vulkan0 (NVIDIA GeForce RTX 3050 Laptop GPU) (0000:01:00.0) - 3365 MiB free
# (the PCI id, v0.13+, is the inventory's pci_id)
[llamacpp_using_device]
table   = runners
match   = text
literal = using device
regex   = ^(?:llama_load_model_from_file|llama_model_load_from_file_impl|llama_prepare_model_devices):\s+using device\s+(?<dev>\S+)(?:\s+\((?<desc>[^()]*)\))?(?:\s+\((?<pci>[0-9A-Fa-f]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+\.[0-9A-Fa-f]+)\))?
col kind        = const:using_device
col device      = group:dev
col description = group:desc
col pci_id      = group:pci

# ggml_cuda_init's list: the runner's CUDA<N> and, v0.11+, its UUID (the
# inventory's gpu_id):
#   Device 0: NVIDIA GeForce RTX 4060 Laptop GPU, compute capability 8.9, VMM: yes
#   Device 1: Quadro RTX 6000, compute capability 7.5, VMM: yes, ID: GPU-48214c0d-e159-6e4f-0b72-2feca746b5c6
[llamacpp_cuda_device]
table   = runners
match   = text
literal = Device
regex   = ^\s+Device (?<idx>\d+): (?<desc>.+?), compute capability [\d.]+(?:.*?, ID: (?<uuid>[^\s,]+))?
col kind         = const:cuda_device
col device_index = group:idx:int
col gpu_uuid     = group:uuid
col description  = group:desc

# ---------------------------------------------------------------- C13 model_metadata

# llama_model_loader: - kv  %3d: %42s %-16s = %s
# llama_model_loader: - kv  15:                      tokenizer.ggml.merges arr[str,58980]   = ["▁ t", "i n", ...
# (the value may hold '=', quotes, non-ASCII, be empty, end in "...")
[llamacpp_kv]
table   = model_metadata
match   = text
literal = llama_model_loader: - kv
regex   = ^llama_model_loader: - kv\s*(?<idx>\d+):\s+(?<key>\S+)\s+(?<type>\S+)\s+= ?(?<value>.*)$
col idx   = group:idx:int
col key   = group:key
col type  = group:type
col value = group:value

# ---------------------------------------------------------------- C14 tensor_types

# llama_model_loader: - type  f32:   65 tensors
[llamacpp_tensor_type]
table   = tensor_types
match   = text
literal = llama_model_loader: - type
regex   = ^llama_model_loader: - type\s+(?<type>\S+?):\s+(?<n>\d+) tensors
col type  = group:type
col count = group:n:int

# ---------------------------------------------------------------- C13 model_metadata (generic, last)

# every other "name = value" line of print_info: / llm_load_print_meta:
# (arch, n_ctx_train, n_layer, BOS token, general.name, ...), idx NULL;
# also the GGML-era llama_model_load_internal: header (n_vocab, n_ctx, ...).
# "EOG token" lines (one per end-of-generation token) are noise.
[llamacpp_print_info]
table   = model_metadata
match   = text
literal = =
regex   = ^(?:llm_load_print_meta|print_info|llama_model_load_internal):\s+(?!EOG token\s*=|ggml ctx size\s*=)(?<key>[^=\s][^=]*?)\s*=\s?(?<value>.*?)\s*$
col key   = group:key
col value = group:value
