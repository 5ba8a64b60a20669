/*
 * test_slog.c - unit tests for the Go slog TextHandler line scanner.
 *
 * The table lines are modelled on real Ollama log lines (paths, user names,
 * ids and numbers changed). Every line is scanned from an exact-size heap
 * buffer (so ASan flags any read past len), and again as the prefix of a
 * longer buffer whose tail would change the result if it were read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slog.h"

struct kv {
	const char *k;
	const char *v;
	int         quoted;
};

struct tcase {
	const char *name;
	const char *line;
	int         want;    /* slog_scan return */
	const char *time, *level, *source, *msg;  /* NULL = absent */
	struct kv   attrs[24];                    /* ends at k == NULL */
};

#define T "time=2025-03-02T18:45:09.527+05:30 level=INFO "
#define NO_ATTRS { { NULL, NULL, 0 } }

/* The unescaped value of esc= in the "every Go escape" case. */
#define ESC_WANT "q\" bs\\ n\n t\t r\r a\a b\b f\f v\v " \
	"x\x41\x7f\xff o\101\001\377 " \
	"u\xe6\x9c\x88\xc3\xa9\xe2\x96\x81 " \
	"U\xf0\x9f\x98\x80\x41 sq'"

static const struct tcase cases[] = {
{
	"offload (single GPU, empty split)",
	"time=2025-03-02T18:45:09.527+05:30 level=INFO source=server.go:130 "
	"msg=offload library=cpu layers.requested=-1 layers.model=33 "
	"layers.offload=0 layers.split=\"\" memory.available=\"[4.2 GiB]\" "
	"memory.gpu_overhead=\"0 B\" memory.required.full=\"4.6 GiB\" "
	"memory.required.partial=\"0 B\" memory.required.kv=\"2.5 GiB\" "
	"memory.required.allocations=\"[4.1 GiB]\" "
	"memory.weights.total=\"3.8 GiB\" memory.weights.repeating=\"3.7 GiB\" "
	"memory.weights.nonrepeating=\"102.8 MiB\" "
	"memory.graph.full=\"548.0 MiB\" memory.graph.partial=\"543.0 MiB\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "server.go:130", "offload",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "server.go:130", 0 },
		{ "msg", "offload", 0 },
		{ "library", "cpu", 0 },
		{ "layers.requested", "-1", 0 },
		{ "layers.model", "33", 0 },
		{ "layers.offload", "0", 0 },
		{ "layers.split", "", 1 },
		{ "memory.available", "[4.2 GiB]", 1 },
		{ "memory.gpu_overhead", "0 B", 1 },
		{ "memory.required.full", "4.6 GiB", 1 },
		{ "memory.required.partial", "0 B", 1 },
		{ "memory.required.kv", "2.5 GiB", 1 },
		{ "memory.required.allocations", "[4.1 GiB]", 1 },
		{ "memory.weights.total", "3.8 GiB", 1 },
		{ "memory.weights.repeating", "3.7 GiB", 1 },
		{ "memory.weights.nonrepeating", "102.8 MiB", 1 },
		{ "memory.graph.full", "548.0 MiB", 1 },
		{ "memory.graph.partial", "543.0 MiB", 1 },
	}
},
{
	"offload multi-GPU split",
	"time=2025-06-01T09:00:00.000Z level=INFO source=server.go:135 "
	"msg=offload library=cuda layers.requested=-1 layers.model=81 "
	"layers.offload=81 layers.split=41,40 "
	"memory.available=\"[22.3 GiB 22.3 GiB]\"",
	1, "2025-06-01T09:00:00.000Z", "INFO", "server.go:135", "offload",
	{
		{ "time", "2025-06-01T09:00:00.000Z", 0 },
		{ "level", "INFO", 0 },
		{ "source", "server.go:135", 0 },
		{ "msg", "offload", 0 },
		{ "library", "cuda", 0 },
		{ "layers.requested", "-1", 0 },
		{ "layers.model", "81", 0 },
		{ "layers.offload", "81", 0 },
		{ "layers.split", "41,40", 0 },
		{ "memory.available", "[22.3 GiB 22.3 GiB]", 1 },
	}
},
{
	"quoted key: model layers",
	"time=2026-01-25T16:37:10.037-05:00 level=INFO source=server.go:459 "
	"msg=\"loading model\" \"model layers\"=81 requested=-1",
	1, "2026-01-25T16:37:10.037-05:00", "INFO", "server.go:459",
	"loading model",
	{
		{ "time", "2026-01-25T16:37:10.037-05:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "server.go:459", 0 },
		{ "msg", "loading model", 1 },
		{ "model layers", "81", 0 },
		{ "requested", "-1", 0 },
	}
},
{
	"quoted key and value: total vram",
	"time=2025-11-12T19:16:28.381+05:30 level=INFO source=routes.go:1605 "
	"msg=\"entering low vram mode\" \"total vram\"=\"11.8 GiB\" "
	"threshold=\"20.0 GiB\"",
	1, "2025-11-12T19:16:28.381+05:30", "INFO", "routes.go:1605",
	"entering low vram mode",
	{
		{ "time", "2025-11-12T19:16:28.381+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "routes.go:1605", 0 },
		{ "msg", "entering low vram mode", 1 },
		{ "total vram", "11.8 GiB", 1 },
		{ "threshold", "20.0 GiB", 1 },
	}
},
{
	"windows cmd with doubled backslashes",
	"time=2024-11-26T21:33:39.312+05:00 level=INFO source=server.go:383 "
	"msg=\"starting llama server\" "
	"cmd=\"C:\\\\Users\\\\jdoe\\\\AppData\\\\Local\\\\Programs\\\\Ollama"
	"\\\\lib\\\\ollama\\\\runners\\\\cpu_avx2\\\\ollama_llama_server.exe "
	"--model C:\\\\Users\\\\jdoe\\\\.ollama\\\\models\\\\blobs\\\\"
	"sha256-0123abcd --ctx-size 8192 --batch-size 512 --threads 4 "
	"--no-mmap --parallel 4 --port 63772\"",
	1, "2024-11-26T21:33:39.312+05:00", "INFO", "server.go:383",
	"starting llama server",
	{
		{ "time", "2024-11-26T21:33:39.312+05:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "server.go:383", 0 },
		{ "msg", "starting llama server", 1 },
		{ "cmd",
		  "C:\\Users\\jdoe\\AppData\\Local\\Programs\\Ollama\\lib\\ollama"
		  "\\runners\\cpu_avx2\\ollama_llama_server.exe --model "
		  "C:\\Users\\jdoe\\.ollama\\models\\blobs\\sha256-0123abcd "
		  "--ctx-size 8192 --batch-size 512 --threads 4 --no-mmap "
		  "--parallel 4 --port 63772", 1 },
	}
},
{
	"windows bare model path keeps single backslashes",
	"time=2025-02-22T15:27:21.794-08:00 level=INFO source=sched.go:714 "
	"msg=\"new model will fit in available VRAM in single GPU, loading\" "
	"model=C:\\Users\\jdoe\\.ollama\\models\\blobs\\sha256-6340dc32 "
	"gpu=GPU-2c5c2fe6-0000-13ce-0066-b82c2fe772d5 parallel=4 "
	"available=7732121600 required=\"6.5 GiB\"",
	1, "2025-02-22T15:27:21.794-08:00", "INFO", "sched.go:714",
	"new model will fit in available VRAM in single GPU, loading",
	{
		{ "time", "2025-02-22T15:27:21.794-08:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "sched.go:714", 0 },
		{ "msg", "new model will fit in available VRAM in single GPU, "
		  "loading", 1 },
		{ "model", "C:\\Users\\jdoe\\.ollama\\models\\blobs\\"
		  "sha256-6340dc32", 0 },
		{ "gpu", "GPU-2c5c2fe6-0000-13ce-0066-b82c2fe772d5", 0 },
		{ "parallel", "4", 0 },
		{ "available", "7732121600", 0 },
		{ "required", "6.5 GiB", 1 },
	}
},
{
	"multi-line error with \\n escapes",
	"time=2025-02-06T20:29:48.277+05:30 level=ERROR source=sched.go:451 "
	"msg=\"error loading llama server\" error=\"llama runner process has "
	"terminated: CUDA error: CUBLAS_STATUS_NOT_INITIALIZED\\n  current "
	"device: 0, in function cublas_handle at /src/ggml-cuda/common.cuh:644"
	"\\n  cublasCreate_v2(&cublas_handles[device])\\n/src/ggml-cuda.cu:101:"
	" CUDA error\"",
	1, "2025-02-06T20:29:48.277+05:30", "ERROR", "sched.go:451",
	"error loading llama server",
	{
		{ "time", "2025-02-06T20:29:48.277+05:30", 0 },
		{ "level", "ERROR", 0 },
		{ "source", "sched.go:451", 0 },
		{ "msg", "error loading llama server", 1 },
		{ "error", "llama runner process has terminated: CUDA error: "
		  "CUBLAS_STATUS_NOT_INITIALIZED\n  current device: 0, in "
		  "function cublas_handle at /src/ggml-cuda/common.cuh:644\n"
		  "  cublasCreate_v2(&cublas_handles[device])\n"
		  "/src/ggml-cuda.cu:101: CUDA error", 1 },
	}
},
{
	"escaped quotes inside error",
	"time=2025-08-01T16:35:21.093+02:00 level=ERROR source=server.go:807 "
	"msg=\"post predict\" error=\"Post \\\"http://127.0.0.1:37645/"
	"completion\\\": context canceled\"",
	1, "2025-08-01T16:35:21.093+02:00", "ERROR", "server.go:807",
	"post predict",
	{
		{ "time", "2025-08-01T16:35:21.093+02:00", 0 },
		{ "level", "ERROR", 0 },
		{ "source", "server.go:807", 0 },
		{ "msg", "post predict", 1 },
		{ "error", "Post \"http://127.0.0.1:37645/completion\": "
		  "context canceled", 1 },
	}
},
{
	"msg=load request=... (KvCacheType: with empty text, = in quotes)",
	"time=2026-04-10T16:37:42.728+02:00 level=INFO source=runner.go:799 "
	"msg=load request=\"{Operation:commit LoraPath:[] Parallel:1 "
	"BatchSize:512 FlashAttention:false KvSize:32768 KvCacheType: "
	"NumThreads:32 GPULayers:64[ID:GPU-3366a519 Layers:64(16..79)] "
	"MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:true a=b}\"",
	1, "2026-04-10T16:37:42.728+02:00", "INFO", "runner.go:799", "load",
	{
		{ "time", "2026-04-10T16:37:42.728+02:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "runner.go:799", 0 },
		{ "msg", "load", 0 },
		{ "request", "{Operation:commit LoraPath:[] Parallel:1 "
		  "BatchSize:512 FlashAttention:false KvSize:32768 KvCacheType: "
		  "NumThreads:32 GPULayers:64[ID:GPU-3366a519 Layers:64(16..79)] "
		  "MultiUserCache:false ProjectorPath: MainGPU:0 UseMmap:true "
		  "a=b}", 1 },
	}
},
{
	"msg=system info=... threads=4",
	"time=2024-11-26T21:33:39.704+05:00 level=INFO source=runner.go:917 "
	"msg=system info=\"AVX = 1 | AVX2 = 1 | F16C = 1 | cgo(clang)\" "
	"threads=4",
	1, "2024-11-26T21:33:39.704+05:00", "INFO", "runner.go:917", "system",
	{
		{ "time", "2024-11-26T21:33:39.704+05:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "runner.go:917", 0 },
		{ "msg", "system", 0 },
		{ "info", "AVX = 1 | AVX2 = 1 | F16C = 1 | cgo(clang)", 1 },
		{ "threads", "4", 0 },
	}
},
{
	"runner.* LogValue attrs, TRACE level, UTC time",
	"time=2025-07-01T10:11:12.131Z level=WARN source=sched.go:687 "
	"msg=\"gpu VRAM usage didn't recover within timeout\" seconds=5.12 "
	"runner.name=registry.ollama.ai/library/llama3:8b "
	"runner.inference=cuda runner.devices=1 runner.size=\"6.1 GiB\" "
	"runner.vram=\"6.1 GiB\" runner.parallel=1 runner.pid=4242 "
	"runner.model=/home/u/.ollama/models/blobs/sha256-aa runner.num_ctx=8192",
	1, "2025-07-01T10:11:12.131Z", "WARN", "sched.go:687",
	"gpu VRAM usage didn't recover within timeout",
	{
		{ "time", "2025-07-01T10:11:12.131Z", 0 },
		{ "level", "WARN", 0 },
		{ "source", "sched.go:687", 0 },
		{ "msg", "gpu VRAM usage didn't recover within timeout", 1 },
		{ "seconds", "5.12", 0 },
		{ "runner.name", "registry.ollama.ai/library/llama3:8b", 0 },
		{ "runner.inference", "cuda", 0 },
		{ "runner.devices", "1", 0 },
		{ "runner.size", "6.1 GiB", 1 },
		{ "runner.vram", "6.1 GiB", 1 },
		{ "runner.parallel", "1", 0 },
		{ "runner.pid", "4242", 0 },
		{ "runner.model", "/home/u/.ollama/models/blobs/sha256-aa", 0 },
		{ "runner.num_ctx", "8192", 0 },
	}
},
{
	"inference compute with empty quoted values",
	"time=2024-11-26T20:21:41.766+05:00 level=INFO source=types.go:123 "
	"msg=\"inference compute\" id=0 library=cpu variant=avx2 compute=\"\" "
	"driver=0.0 name=\"\" total=\"7.9 GiB\" available=\"3.8 GiB\"",
	1, "2024-11-26T20:21:41.766+05:00", "INFO", "types.go:123",
	"inference compute",
	{
		{ "time", "2024-11-26T20:21:41.766+05:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", "types.go:123", 0 },
		{ "msg", "inference compute", 1 },
		{ "id", "0", 0 },
		{ "library", "cpu", 0 },
		{ "variant", "avx2", 0 },
		{ "compute", "", 1 },
		{ "driver", "0.0", 0 },
		{ "name", "", 1 },
		{ "total", "7.9 GiB", 1 },
		{ "available", "3.8 GiB", 1 },
	}
},
{
	"source=.:0, std-log message",
	"time=2024-12-19T14:46:48.786+07:00 level=INFO source=.:0 "
	"msg=\"Server listening on 127.0.0.1:55757\"",
	1, "2024-12-19T14:46:48.786+07:00", "INFO", ".:0",
	"Server listening on 127.0.0.1:55757",
	{
		{ "time", "2024-12-19T14:46:48.786+07:00", 0 },
		{ "level", "INFO", 0 },
		{ "source", ".:0", 0 },
		{ "msg", "Server listening on 127.0.0.1:55757", 1 },
	}
},
{
	"env map: '=' and ':' inside quotes",
	T "source=routes.go:1259 msg=\"server config\" "
	"env=\"map[CUDA_VISIBLE_DEVICES: OLLAMA_HOST:http://0.0.0.0:11434 "
	"OLLAMA_MODELS:C:\\\\Users\\\\jdoe\\\\.ollama\\\\models X=Y]\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "routes.go:1259",
	"server config",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "routes.go:1259", 0 },
		{ "msg", "server config", 1 },
		{ "env", "map[CUDA_VISIBLE_DEVICES: OLLAMA_HOST:http://0.0.0.0:"
		  "11434 OLLAMA_MODELS:C:\\Users\\jdoe\\.ollama\\models X=Y]", 1 },
	}
},
{
	"non-ASCII bare value and every Go escape",
	T "source=x.go:1 msg=\xe6\x9c\x88 name=\xef\xbd\x9c\xe2\x96\x81 "
	"esc=\"q\\\" bs\\\\ n\\n t\\t r\\r a\\a b\\b f\\f v\\v "
	"x\\x41\\x7f\\xff o\\101\\001\\377 "
	"u\\u6708\\u00e9\\u2581 U\\U0001F600\\U00000041 sq\\'\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "\xe6\x9c\x88",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "\xe6\x9c\x88", 0 },
		{ "name", "\xef\xbd\x9c\xe2\x96\x81", 0 },
		{ "esc", ESC_WANT, 1 },
	}
},
{
	"malformed escapes are kept literally",
	T "source=x.go:1 msg=m "
	"k=\"a\\qb \\x4g \\u12z \\U0001F6 \\8 \\400 \\09 end\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "m",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "m", 0 },
		{ "k", "a\\qb \\x4g \\u12z \\U0001F6 \\8 \\400 \\09 end", 1 },
	}
},
{
	"surrogates and out-of-range code points become U+FFFD",
	T "source=x.go:1 msg=m k=\"\\ud800|\\U00110000|\\U0010FFFF|\\u07ff\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "m",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "m", 0 },
		{ "k", "\xef\xbf\xbd|\xef\xbf\xbd|\xf4\x8f\xbf\xbf|\xdf\xbf", 1 },
	}
},
{
	"unterminated quoted value runs to end of line",
	T "source=x.go:1 msg=\"truncated line k=v \\\"x\\\" y",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1",
	"truncated line k=v \"x\" y",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "truncated line k=v \"x\" y", 1 },
	}
},
{
	"unterminated quote ending in an escaped quote",
	T "source=x.go:1 msg=m k=\"abc\\\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "m",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "m", 0 },
		{ "k", "abc\"", 1 },
	}
},
{
	"unterminated quote ending in a lone backslash",
	T "source=x.go:1 msg=m k=\"abc\\",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "m",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "m", 0 },
		{ "k", "abc\\", 1 },
	}
},
{
	"unterminated quote right after the opening quote",
	T "source=x.go:1 msg=m k=\"",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "m",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "m", 0 },
		{ "k", "", 1 },
	}
},
{
	"CRLF: trailing \\r stripped after a bare value",
	T "source=x.go:1 msg=done count=1\r",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "done",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "done", 0 },
		{ "count", "1", 0 },
	}
},
{
	"CRLF: trailing \\r stripped after a quoted value",
	T "source=x.go:1 msg=\"all done\"\r",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "all done",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "all done", 1 },
	}
},
{
	"multiple spaces between pairs, trailing spaces",
	"time=2025-03-02T18:45:09.527+05:30  level=DEBUG   source=x.go:1 "
	"msg=hi     k=v   \"q k\"=\"q v\"   ",
	1, "2025-03-02T18:45:09.527+05:30", "DEBUG", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "DEBUG", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "k", "v", 0 },
		{ "q k", "q v", 1 },
	}
},
{
	"stray tokens without '=' are skipped",
	T "source=x.go:1 msg=hi stray k=v \"quoted stray\" x=1 \"qs\"junk "
	"y=2 tail",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "k", "v", 0 },
		{ "x", "1", 0 },
		{ "y", "2", 0 },
	}
},
{
	"unterminated quoted stray key at end",
	T "source=x.go:1 msg=hi \"never closed=1",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
	}
},
{
	"bare empty values, also at end of line",
	T "source=x.go:1 msg=hi a= b=1 parallel=",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "a", "", 0 },
		{ "b", "1", 0 },
		{ "parallel", "", 0 },
	}
},
{
	"bare value containing '=' and '\"' is taken to the next space",
	T "source=x.go:1 msg=hi a=b=c d=e\"f g=h",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "a", "b=c", 0 },
		{ "d", "e\"f", 0 },
		{ "g", "h", 0 },
	}
},
{
	"closing quote directly followed by the next pair",
	T "source=x.go:1 msg=hi k=\"a\"b=c",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "k", "a", 1 },
		{ "b", "c", 0 },
	}
},
{
	"escaped and empty quoted keys",
	T "source=x.go:1 msg=hi \"a\\\"b\"=1 \"\"=2 =3",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "x.go:1", "hi",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "x.go:1", 0 },
		{ "msg", "hi", 0 },
		{ "a\"b", "1", 0 },
		{ "", "2", 0 },
		{ "", "3", 0 },
	}
},
{
	"duplicate keys: the first fills rec, all are attrs",
	T "source=a.go:1 msg=first source=b.go:2 msg=second level=ERROR",
	1, "2025-03-02T18:45:09.527+05:30", "INFO", "a.go:1", "first",
	{
		{ "time", "2025-03-02T18:45:09.527+05:30", 0 },
		{ "level", "INFO", 0 },
		{ "source", "a.go:1", 0 },
		{ "msg", "first", 0 },
		{ "source", "b.go:2", 0 },
		{ "msg", "second", 0 },
		{ "level", "ERROR", 0 },
	}
},
{
	"no source key is fine",
	"time=2025-03-02T18:45:09.527Z level=TRACE msg=\"a b\"",
	1, "2025-03-02T18:45:09.527Z", "TRACE", NULL, "a b",
	{
		{ "time", "2025-03-02T18:45:09.527Z", 0 },
		{ "level", "TRACE", 0 },
		{ "msg", "a b", 1 },
	}
},
{
	"quoted msg key and level key count",
	"time=t \"level\"=INFO \"msg\"=x",
	1, "t", "INFO", NULL, "x",
	{
		{ "time", "t", 0 },
		{ "level", "INFO", 0 },
		{ "msg", "x", 0 },
	}
},
/* Lines that are not slog lines. */
{ "GIN access log",
  "[GIN] 2024/03/12 - 18:54:13 | 200 |     138.182\xc2\xb5s |       "
  "127.0.0.1 | HEAD     \"/\"", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "GIN-debug",
  "[GIN-debug] GET    /api/tags  --> github.com/ollama/ollama/server."
  "(*Server).ListModelsHandler-fm (5 handlers)",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "llama_model_loader kv",
  "llama_model_loader: - kv   0:                       general.architecture "
  "str              = llama", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "std-log server config",
  "2024/12/19 12:47:58 routes.go:1195: INFO server config "
  "env=\"map[OLLAMA_HOST:http://127.0.0.1:11434]\"",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "journald prefix (the caller strips it)",
  "Mar 02 18:45:09 host ollama[11014]: time=2025-03-02T18:45:09.527+05:30 "
  "level=INFO source=server.go:130 msg=offload",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "llama.cpp server JSON",
  "{\"function\":\"initialize\",\"level\":\"INFO\",\"line\":448,"
  "\"msg\":\"initializing slots\",\"n_slots\":1}",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "llama.cpp server key=value",
  "INFO [main] build info | build=1 commit=\"6eeaeba\" tid=\"1\" "
  "timestamp=1722497891", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "timestamp= is not time=",
  "timestamp=1722497891 level=INFO msg=x",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "leading space", " time=t level=INFO msg=x",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "Time= is case-sensitive", "Time=t level=INFO msg=x",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "no msg key", T "source=x.go:1 message=hi",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "no level key", "time=t source=x.go:1 msg=hi",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "level only inside a quoted value",
  "time=t source=x.go:1 msg=\"level=INFO\"",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "msg only as a prefix of another key", "time=t level=INFO msgs=x",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "time= alone", "time=", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "time without =", "time", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "empty line", "", 0, NULL, NULL, NULL, NULL, NO_ATTRS },
{ "goroutine dump", "goroutine 85 [running]:",
  0, NULL, NULL, NULL, NULL, NO_ATTRS },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* Tail appended after a line to prove nothing past len is read. */
static const char junk[] = "X\" level=JUNK msg=JUNK z=\"";

static const struct tcase *
find_case(const char *name_prefix)
{
	size_t i;

	for (i = 0; i < NCASES; i++)
		if (strncmp(cases[i].name, name_prefix,
		    strlen(name_prefix)) == 0)
			return &cases[i];
	fail_msg("no case %s", name_prefix);
	return NULL;
}

static char *
dup_exact(const char *s, size_t n)
{
	char *b = malloc(n ? n : 1);

	assert_non_null(b);
	if (n > 0)
		memcpy(b, s, n);
	return b;
}

static void
check_view(const char *got, size_t got_len, const char *want,
    size_t want_len)
{
	if (want == NULL) {
		assert_null(got);
		assert_int_equal(got_len, 0);
		return;
	}
	if (want_len == 0)
		want_len = strlen(want);
	assert_non_null(got);
	assert_int_equal(got_len, want_len);
	assert_memory_equal(got, want, got_len);
	assert_int_equal(got[got_len], '\0');
}

/* NUL-termination and in-bounds lengths hold for any scanned record. */
static void
check_invariants(const struct slog_rec *rec, size_t len)
{
	size_t i;

	for (i = 0; i < rec->nattrs; i++) {
		const struct slog_attr *a = &rec->attrs[i];

		assert_non_null(a->key);
		assert_non_null(a->val);
		assert_true(a->key_len <= len);
		assert_true(a->val_len <= len);
		assert_int_equal(a->key[a->key_len], '\0');
		assert_int_equal(a->val[a->val_len], '\0');
		assert_true(a->quoted == 0 || a->quoted == 1);
	}
}

static void
check_case(const struct tcase *tc, const struct slog_rec *rec, int rc)
{
	size_t i, n = 0;

	if (getenv("SLOG_TEST_VERBOSE") != NULL)
		print_message("  case: %s\n", tc->name);
	assert_int_equal(rc, tc->want);
	if (tc->want == 0) {
		assert_int_equal(rec->nattrs, 0);
		assert_null(rec->msg);
		return;
	}
	check_view(rec->time, rec->time_len, tc->time, 0);
	check_view(rec->level, rec->level_len, tc->level, 0);
	check_view(rec->source, rec->source_len, tc->source, 0);
	check_view(rec->msg, rec->msg_len, tc->msg, 0);
	while (n < 24 && tc->attrs[n].k != NULL)
		n++;
	assert_int_equal(rec->nattrs, n);
	for (i = 0; i < n; i++) {
		const struct slog_attr *a = &rec->attrs[i];

		check_view(a->key, a->key_len, tc->attrs[i].k, 0);
		check_view(a->val, a->val_len, tc->attrs[i].v, 0);
		assert_int_equal(a->quoted, tc->attrs[i].quoted);
	}
}

static void
test_table_exact_buffers(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	size_t               i;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		size_t len = strlen(cases[i].line);
		char  *buf = dup_exact(cases[i].line, len);
		int    rc = slog_scan(sc, buf, len, &rec);

		check_case(&cases[i], &rec, rc);
		check_invariants(&rec, len);
		free(buf);
	}
	slog_scanner_free(sc);
}

static void
test_table_prefix_of_longer_buffer(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	size_t               i;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		size_t len = strlen(cases[i].line);
		char  *buf = malloc(len + sizeof(junk));
		int    rc;

		assert_non_null(buf);
		memcpy(buf, cases[i].line, len);
		memcpy(buf + len, junk, sizeof(junk));
		rc = slog_scan(sc, buf, len, &rec);
		check_case(&cases[i], &rec, rc);
		free(buf);
	}
	slog_scanner_free(sc);
}

/* A fresh scanner per case: the arena is at its smallest each time. */
static void
test_table_fresh_scanner(void **state)
{
	struct slog_rec rec;
	size_t          i;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		struct slog_scanner *sc = slog_scanner_new();
		size_t len = strlen(cases[i].line);
		char  *buf = dup_exact(cases[i].line, len);

		check_case(&cases[i], &rec, slog_scan(sc, buf, len, &rec));
		free(buf);
		slog_scanner_free(sc);
	}
}

/* Scan line[0..k) for every k from exact-size buffers (ASan). */
static void
scan_all_prefixes(struct slog_scanner *sc, const char *line, size_t len)
{
	struct slog_rec rec;
	size_t          k;

	for (k = 0; k <= len; k++) {
		char *buf = dup_exact(line, k);
		int   rc = slog_scan(sc, buf, k, &rec);

		assert_true(rc == 0 || rc == 1);
		if (rc == 1) {
			assert_non_null(rec.time);
			assert_non_null(rec.level);
			assert_non_null(rec.msg);
			assert_true(rec.nattrs >= 3);
		} else {
			assert_int_equal(rec.nattrs, 0);
		}
		check_invariants(&rec, k);
		free(buf);
	}
}

static void
test_every_prefix(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	size_t               i;

	(void)state;
	for (i = 0; i < NCASES; i++)
		scan_all_prefixes(sc, cases[i].line, strlen(cases[i].line));
	slog_scanner_free(sc);

	/* And with a fresh scanner for each prefix of one escape-rich line. */
	{
		const char *l = find_case("non-ASCII bare value")->line;
		size_t      len = strlen(l), k;

		for (k = 0; k <= len; k++) {
			struct slog_scanner *s2 = slog_scanner_new();
			struct slog_rec      rec;
			char *buf = dup_exact(l, k);

			(void)slog_scan(s2, buf, k, &rec);
			check_invariants(&rec, k);
			free(buf);
			slog_scanner_free(s2);
		}
	}
}

static void
test_prefix_results(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const char *l = "time=t level=INFO msg=\"a b\" k=\"x\\u6708y\"";
	size_t      len = strlen(l);
	size_t      n;
	const char *v;

	(void)state;
	/* Cut inside the \u escape: the partial escape is kept literally. */
	assert_int_equal(slog_scan(sc, l, len - 4, &rec), 1);
	v = slog_get(&rec, "k", &n);
	assert_non_null(v);
	assert_int_equal(n, 5);
	assert_memory_equal(v, "x\\u67", 5);
	/* Cut right after "msg=": msg is an empty bare value. */
	assert_int_equal(slog_scan(sc, l, 22, &rec), 1);
	assert_int_equal(rec.msg_len, 0);
	assert_string_equal(rec.msg, "");
	/* Cut before "msg=" is complete: not a slog line. */
	assert_int_equal(slog_scan(sc, l, 21, &rec), 0);
	/* Whole line. */
	assert_int_equal(slog_scan(sc, l, len, &rec), 1);
	v = slog_get(&rec, "k", &n);
	assert_int_equal(n, 5);
	assert_string_equal(v, "x\xe6\x9c\x88y");
	slog_scanner_free(sc);
}

static void
test_embedded_nul_and_octal(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const char *l = "time=t level=INFO msg=m k=\"a\\x00b\\000c\\377\"";
	size_t      n;
	const char *v;

	(void)state;
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	v = slog_get(&rec, "k", &n);
	assert_non_null(v);
	assert_int_equal(n, 6);
	assert_memory_equal(v, "a\0b\0c\377", 6);
	assert_int_equal(v[6], '\0');

	/* The escape line of the table, looked up by key. */
	l = find_case("non-ASCII bare value")->line;
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	v = slog_get(&rec, "esc", &n);
	assert_int_equal(n, sizeof(ESC_WANT) - 1);
	assert_memory_equal(v, ESC_WANT, n);
	assert_int_equal(v[n], '\0');
	/* A raw NUL byte in a line is just a byte. */
	{
		static const char raw[] = "time=t level=INFO msg=a\0b k=v";

		assert_int_equal(slog_scan(sc, raw, sizeof(raw) - 1, &rec), 1);
		assert_int_equal(rec.msg_len, 3);
		assert_memory_equal(rec.msg, "a\0b", 3);
		v = slog_get(&rec, "k", &n);
		assert_string_equal(v, "v");
	}
	slog_scanner_free(sc);
}

static void
test_crlf_and_newline(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const char *v;
	size_t      n;
	const char *lines[] = {
		"time=t level=INFO msg=m k=v\r",
		"time=t level=INFO msg=m k=v\r\n",
		"time=t level=INFO msg=m k=v\n",
		"time=t level=INFO msg=m k=v",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		size_t len = strlen(lines[i]);
		char  *buf = dup_exact(lines[i], len);

		assert_int_equal(slog_scan(sc, buf, len, &rec), 1);
		v = slog_get(&rec, "k", &n);
		assert_int_equal(n, 1);
		assert_string_equal(v, "v");
		free(buf);
	}
	/* A \r inside a quoted value (escaped) survives. */
	{
		const char *l = "time=t level=INFO msg=\"a\\r\"\r";

		assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	}
	assert_int_equal(rec.msg_len, 2);
	assert_string_equal(rec.msg, "a\r");
	slog_scanner_free(sc);
}

static void
test_slog_get(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const char *l = cases[0].line;
	const char *v;
	size_t      n = 99;

	(void)state;
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	v = slog_get(&rec, "memory.required.full", &n);
	assert_string_equal(v, "4.6 GiB");
	assert_int_equal(n, 7);
	v = slog_get(&rec, "layers.split", &n);
	assert_non_null(v);
	assert_int_equal(n, 0);
	assert_string_equal(v, "");
	v = slog_get(&rec, "msg", &n);
	assert_string_equal(v, "offload");
	v = slog_get(&rec, "time", &n);
	assert_ptr_equal(v, rec.time);
	/* Exact match only. */
	n = 99;
	assert_null(slog_get(&rec, "memory", &n));
	assert_int_equal(n, 0);
	assert_null(slog_get(&rec, "MSG", &n));
	assert_null(slog_get(&rec, "memory.required.full ", &n));
	assert_null(slog_get(&rec, "memory.required.ful", &n));
	assert_null(slog_get(&rec, "", &n));
	/* len may be NULL. */
	assert_string_equal(slog_get(&rec, "library", NULL), "cpu");

	/* Quoted keys are looked up unescaped. */
	l = cases[2].line;
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	v = slog_get(&rec, "model layers", &n);
	assert_string_equal(v, "81");

	/* Duplicates: the first one. */
	l = "time=t level=INFO msg=m k=1 k=2";
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	assert_string_equal(slog_get(&rec, "k", &n), "1");

	/* Empty key. */
	l = "time=t level=INFO msg=m \"\"=e";
	assert_int_equal(slog_scan(sc, l, strlen(l), &rec), 1);
	assert_string_equal(slog_get(&rec, "", &n), "e");

	/* After a non-slog line the record is empty. */
	assert_int_equal(slog_scan(sc, "[GIN] x", 7, &rec), 0);
	assert_null(slog_get(&rec, "msg", &n));
	assert_int_equal(n, 0);
	slog_scanner_free(sc);
}

/* 200 KB quoted prompt with escapes, a 200 KB bare value, and a tail. */
static void
test_long_line(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const size_t big = 200 * 1024;
	const char *head = "time=2025-09-05T08:11:42.230+02:00 level=DEBUG "
	    "source=routes.go:1422 msg=\"chat request\" images=0 prompt=\"";
	size_t hl = strlen(head), len, i, n, pl = 0;
	char  *line, *want, *p;
	const char *v;

	(void)state;
	line = malloc(hl + 3 * big + 64);
	want = malloc(big + 1);
	assert_non_null(line);
	assert_non_null(want);
	p = line;
	memcpy(p, head, hl);
	p += hl;
	/* Pattern: "abc\n" written as abc\\n, "\"" and \u6708 sprinkled. */
	for (i = 0; pl + 8 < big; i++) {
		switch (i % 4) {
		case 0:
			memcpy(p, "abc", 3); p += 3;
			memcpy(want + pl, "abc", 3); pl += 3;
			break;
		case 1:
			memcpy(p, "\\n", 2); p += 2;
			want[pl++] = '\n';
			break;
		case 2:
			memcpy(p, "\\\"", 2); p += 2;
			want[pl++] = '"';
			break;
		default:
			memcpy(p, "\\u6708", 6); p += 6;
			memcpy(want + pl, "\xe6\x9c\x88", 3); pl += 3;
			break;
		}
	}
	memcpy(p, "\" blob=", 7);
	p += 7;
	memset(p, 'z', big);
	p += big;
	memcpy(p, " tail=1", 7);
	p += 7;
	len = (size_t)(p - line);

	assert_int_equal(slog_scan(sc, line, len, &rec), 1);
	assert_int_equal(rec.nattrs, 8);
	v = slog_get(&rec, "prompt", &n);
	assert_int_equal(n, pl);
	assert_memory_equal(v, want, pl);
	assert_int_equal(v[n], '\0');
	v = slog_get(&rec, "blob", &n);
	assert_int_equal(n, big);
	assert_int_equal(v[0], 'z');
	assert_int_equal(v[big - 1], 'z');
	assert_int_equal(v[big], '\0');
	v = slog_get(&rec, "tail", &n);
	assert_string_equal(v, "1");

	/* Cut inside the prompt: it runs to the end, the cut escape kept. */
	assert_int_equal(slog_scan(sc, line, hl + 10, &rec), 1);
	v = slog_get(&rec, "prompt", &n);
	assert_int_equal(n, 8);
	assert_memory_equal(v, "abc\n\"\\u6", 8);
	assert_int_equal(rec.nattrs, 6);

	/* Exact-size copy under ASan, fresh scanner. */
	{
		struct slog_scanner *s2 = slog_scanner_new();
		char *buf = dup_exact(line, len);

		assert_int_equal(slog_scan(s2, buf, len, &rec), 1);
		assert_int_equal(rec.nattrs, 8);
		free(buf);
		slog_scanner_free(s2);
	}
	free(line);
	free(want);
	slog_scanner_free(sc);
}

/* Thousands of attrs: the attrs array grows. */
static void
test_many_attrs(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const size_t nk = 5000;
	char  *line = malloc(32 + nk * 24);
	char   key[32], val[32];
	size_t len, i, n;
	const char *v;

	(void)state;
	assert_non_null(line);
	len = (size_t)sprintf(line, "time=t level=INFO msg=m");
	for (i = 0; i < nk; i++)
		len += (size_t)sprintf(line + len, i % 2 ? " k%zu=v%zu" :
		    " \"k %zu\"=\"v %zu\"", i, i);
	assert_int_equal(slog_scan(sc, line, len, &rec), 1);
	assert_int_equal(rec.nattrs, nk + 3);
	for (i = 0; i < nk; i += 499) {
		snprintf(key, sizeof(key), i % 2 ? "k%zu" : "k %zu", i);
		snprintf(val, sizeof(val), i % 2 ? "v%zu" : "v %zu", i);
		v = slog_get(&rec, key, &n);
		assert_non_null(v);
		assert_string_equal(v, val);
		assert_int_equal(rec.attrs[i + 3].quoted, i % 2 ? 0 : 1);
	}
	v = slog_get(&rec, "k4999", &n);
	assert_string_equal(v, "v4999");
	free(line);
	slog_scanner_free(sc);
}

/* Once warmed up, shorter lines reuse the same memory. */
static void
test_memory_reuse(void **state)
{
	struct slog_scanner *sc = slog_scanner_new();
	struct slog_rec      rec;
	const char *t0;
	struct slog_attr *a0;
	size_t i, j;
	char  *big;
	size_t bl = 100000;

	(void)state;
	big = malloc(bl);
	assert_non_null(big);
	memcpy(big, "time=t level=INFO msg=m k=\"", 27);
	memset(big + 27, 'q', bl - 28);
	big[bl - 1] = '"';
	assert_int_equal(slog_scan(sc, big, bl, &rec), 1);
	/* Warm the attrs array too. */
	assert_int_equal(slog_scan(sc, cases[0].line, strlen(cases[0].line),
	    &rec), 1);
	t0 = rec.time;
	a0 = rec.attrs;
	for (j = 0; j < 3; j++) {
		for (i = 0; i < NCASES; i++) {
			if (slog_scan(sc, cases[i].line, strlen(cases[i].line),
			    &rec) == 1) {
				/* time is always the first string written. */
				assert_ptr_equal(rec.time, t0);
				assert_ptr_equal(rec.attrs, a0);
			}
		}
		assert_int_equal(slog_scan(sc, big, bl, &rec), 1);
		assert_ptr_equal(rec.time, t0);
	}
	free(big);
	slog_scanner_free(sc);
}

/* A worst case for output size: many tiny pairs. */
static void
test_dense_pairs(void **state)
{
	struct slog_rec rec;
	size_t          reps, i;
	const char *shapes[] = { " =", " k=", " \"\"=", " \"\"=\"\"", "=",
	    " a=\"\"b=", " x" };
	size_t s;

	(void)state;
	for (s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
		for (reps = 1600; reps < 2400; reps += 233) {
			struct slog_scanner *sc = slog_scanner_new();
			size_t sl = strlen(shapes[s]);
			size_t len = 19 + reps * sl;
			char  *buf = malloc(len);
			int    rc;

			assert_non_null(buf);
			memcpy(buf, "time=t level=L msg=", 19);
			for (i = 0; i < reps; i++)
				memcpy(buf + 19 + i * sl, shapes[s], sl);
			rc = slog_scan(sc, buf, len, &rec);
			assert_int_equal(rc, 1);
			check_invariants(&rec, len);
			free(buf);
			slog_scanner_free(sc);
		}
	}
}

/* Small deterministic PRNG (xorshift32). */
static uint32_t
rnd(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

/*
 * Random garbage from an alphabet of delimiters and escape letters, with a
 * fresh scanner so the arena is exactly as large as the scanner sizes it:
 * ASan reports any write or read out of bounds.
 */
static void
test_fuzz_garbage(void **state)
{
	static const char alpha[] = " =\"\\xuU0173aFfn\r\x80";
	uint32_t seed = 12345;
	int      iter;

	(void)state;
	for (iter = 0; iter < 3000; iter++) {
		struct slog_scanner *sc = slog_scanner_new();
		struct slog_rec      rec;
		size_t len = 1600 + rnd(&seed) % 600, i;
		char  *buf = malloc(len);

		assert_non_null(buf);
		memcpy(buf, "time=", 5);
		for (i = 5; i < len; i++)
			buf[i] = alpha[rnd(&seed) % (sizeof(alpha) - 1)];
		if (iter % 2) {
			size_t at = 5 + rnd(&seed) % (len - 40);

			memcpy(buf + at, " level=I msg=m ", 15);
		}
		(void)slog_scan(sc, buf, len, &rec);
		check_invariants(&rec, len);
		/* Also a few prefixes with the warmed scanner. */
		for (i = 0; i < 4; i++) {
			size_t k = rnd(&seed) % (len + 1);
			char  *b2 = dup_exact(buf, k);

			(void)slog_scan(sc, b2, k, &rec);
			check_invariants(&rec, k);
			free(b2);
		}
		free(buf);
		slog_scanner_free(sc);
	}
}

/*
 * Round trip: random text is Go-quoted (strconv.Quote style, with random
 * choices among equivalent escapes) and must come back byte-identical.
 */
static size_t
put_cp(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static void
test_roundtrip_quote(void **state)
{
	uint32_t seed = 987654321;
	int      iter;
	char     raw[4096], q[16384];
	struct slog_scanner *sc = slog_scanner_new();

	(void)state;
	for (iter = 0; iter < 5000; iter++) {
		size_t rl = 0, ql, i, n;
		int    nchars = (int)(rnd(&seed) % 200);
		struct slog_rec rec;
		const char *v;
		char  *buf;

		ql = (size_t)sprintf(q, "time=t level=INFO msg=m k=\"");
		for (i = 0; i < (size_t)nchars; i++) {
			uint32_t r = rnd(&seed), cp;
			int      kind = (int)(r % 8);

			switch (kind) {
			case 0:  /* printable ASCII, literal or escaped */
			case 1:
				cp = 0x20 + rnd(&seed) % 95;
				raw[rl++] = (char)cp;
				if (cp == '"' || cp == '\\') {
					q[ql++] = '\\';
					q[ql++] = (char)cp;
				} else if (kind == 1 && cp % 3 == 0) {
					ql += (size_t)sprintf(q + ql, "\\x%02x",
					    cp);
				} else if (kind == 1 && cp % 3 == 1) {
					ql += (size_t)sprintf(q + ql, "\\%03o",
					    cp);
				} else {
					q[ql++] = (char)cp;
				}
				break;
			case 2: {  /* control characters */
				static const char ctl[] = "\a\b\f\n\r\t\v";
				static const char let[] = "abfnrtv";
				size_t j = rnd(&seed) % 9;

				if (j < 7) {
					raw[rl++] = ctl[j];
					q[ql++] = '\\';
					q[ql++] = let[j];
				} else {
					cp = j == 7 ? 0x7f : rnd(&seed) % 0x20;
					raw[rl++] = (char)cp;
					ql += (size_t)sprintf(q + ql,
					    "\\x%02X", cp);
				}
				break;
			}
			case 3:  /* raw (invalid UTF-8) byte via \xHH */
				cp = 0x80 + rnd(&seed) % 0x80;
				raw[rl++] = (char)cp;
				ql += (size_t)sprintf(q + ql, "\\x%02x", cp);
				break;
			case 4:  /* BMP rune, literal UTF-8 */
			case 5:  /* BMP rune as \uHHHH */
				do {
					cp = 0x80 + rnd(&seed) % 0xFF80;
				} while (cp >= 0xD800 && cp <= 0xDFFF);
				rl += put_cp(raw + rl, cp);
				if (kind == 4)
					ql += put_cp(q + ql, cp);
				else
					ql += (size_t)sprintf(q + ql,
					    (r >> 8) & 1 ? "\\u%04x" : "\\u%04X",
					    cp);
				break;
			default:  /* astral rune as \UHHHHHHHH or literal */
				cp = 0x10000 + rnd(&seed) % 0x100000;
				rl += put_cp(raw + rl, cp);
				if (kind == 6)
					ql += (size_t)sprintf(q + ql,
					    "\\U%08x", cp);
				else
					ql += put_cp(q + ql, cp);
				break;
			}
		}
		q[ql++] = '"';
		ql += (size_t)sprintf(q + ql, " after=1");
		buf = dup_exact(q, ql);
		assert_int_equal(slog_scan(sc, buf, ql, &rec), 1);
		v = slog_get(&rec, "k", &n);
		assert_non_null(v);
		assert_int_equal(n, rl);
		assert_memory_equal(v, raw, rl);
		assert_int_equal(v[n], '\0');
		assert_string_equal(slog_get(&rec, "after", NULL), "1");
		assert_int_equal(rec.nattrs, 5);
		free(buf);
	}
	slog_scanner_free(sc);
}

static void
test_free_null(void **state)
{
	(void)state;
	slog_scanner_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_exact_buffers),
		cmocka_unit_test(test_table_prefix_of_longer_buffer),
		cmocka_unit_test(test_table_fresh_scanner),
		cmocka_unit_test(test_every_prefix),
		cmocka_unit_test(test_prefix_results),
		cmocka_unit_test(test_embedded_nul_and_octal),
		cmocka_unit_test(test_crlf_and_newline),
		cmocka_unit_test(test_slog_get),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_many_attrs),
		cmocka_unit_test(test_memory_reuse),
		cmocka_unit_test(test_dense_pairs),
		cmocka_unit_test(test_fuzz_garbage),
		cmocka_unit_test(test_roundtrip_quote),
		cmocka_unit_test(test_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
