# gen.awk - write the synthetic fleet's logs: awk -v out=DIR -f gen.awk spec.txt
# One journalctl-style log per host (DIR/<host>.log), Ollama 0.6-style
# slog lines with UTC times, llama.cpp lines, and Gin access lines.
# POSIX awk only (mawk works): the spec gives every time.
BEGIN {
	split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
	name["A"] = "Llama 3.1 8B Instruct";  blob["A"] = "a1"
	name["B"] = "Qwen2.5 32B Instruct";   blob["B"] = "b2"
	name["C"] = "Nomic Embed Text v1.5";  blob["C"] = "c3"
	port = 40000
}
/^#/ || NF == 0 { next }
function pre(t, h) {   # journal prefix and the slog time
	return mon[substr(t, 6, 2) + 0] " " substr(t, 9, 2) " " substr(t, 12, 8) \
	    " " h " ollama[" pid[h] "]: "
}
function emit(h, s) { print s > (out "/" h ".log") }
function slog(t, h, lvl, src, rest) {
	emit(h, pre(t, h) "time=" t ".000Z level=" lvl " source=" src " " rest)
}
function path(m) {
	return "/var/lib/ollama/models/blobs/sha256-" blob[m] \
	    "0000000000000000000000000000000000000000000000000000000000000" \
	    substr(blob[m], 1, 1)
}
$1 == "-" && $3 == "gpu" {
	h = $2; n = ++ngpu[h]; gid[h, n - 1] = $4
	g = $5; for (i = 6; i <= NF; i++) g = g " " $i
	gname[h, n - 1] = g
	if (!(h in pid)) pid[h] = 1000 + length(pid) * 111
	next
}
{ t = $1; h = $2; ev = $3 }
ev == "start" {
	pid[h] += 7
	slog(t, h, "INFO", "routes.go:1297", "msg=\"Listening on 127.0.0.1:11434 (version " $4 ")\"")
	for (i = 0; i < ngpu[h]; i++)
		slog(t, h, "INFO", "types.go:130", "msg=\"inference compute\" id=" gid[h, i] \
		    " library=cuda variant=v12 compute=7.5 driver=12.8 name=\"" gname[h, i] \
		    "\" total=\"24.0 GiB\" available=\"23.5 GiB\"")
}
ev == "load" || ev == "oom" {
	gpu = $4; m = $5; ctx = $6; off = $7; tot = $8; port++
	slog(t, h, "INFO", "sched.go:715", "msg=\"new model will fit in available VRAM in single GPU, loading\" model=" \
	    path(m) " gpu=" gid[h, gpu] " parallel=1 available=25232932864 required=\"6.0 GiB\"")
	slog(t, h, "INFO", "server.go:138", "msg=offload library=cuda layers.requested=-1 layers.model=" tot \
	    " layers.offload=" off " layers.split=\"\" memory.available=\"[23.5 GiB]\" memory.gpu_overhead=\"0 B\"" \
	    " memory.required.full=\"6.0 GiB\" memory.required.partial=\"6.0 GiB\" memory.required.kv=\"1.0 GiB\"" \
	    " memory.required.allocations=\"[6.0 GiB]\"")
	slog(t, h, "INFO", "server.go:405", "msg=\"starting llama server\" cmd=\"/usr/local/bin/ollama runner --model " \
	    path(m) " --ctx-size " ctx " --batch-size 512 --n-gpu-layers " off " --threads 8 --parallel 1 --port " port "\"")
	emit(h, pre(t, h) "llama_model_loader: - kv   2:                               general.name str              = " name[m])
	if (ev == "oom") {
		slog(t, h, "ERROR", "sched.go:456", "msg=\"error loading llama server\" error=\"llama runner process has terminated: cudaMalloc failed: out of memory\"")
		next
	}
	emit(h, pre(t, h) "load_tensors: offloading " (off - 1) " repeating layers to GPU")
	emit(h, pre(t, h) "load_tensors: offloaded " off "/" tot " layers to GPU")
	emit(h, pre(t, h) "load_tensors:        CUDA0 model buffer size =  4403.49 MiB")
	slog(t, h, "INFO", "server.go:624", "msg=\"llama runner started in " $9 " seconds\"")
}
ev == "vram" {
	slog(t, h, "INFO", "sched.go:507", "msg=\"updated VRAM based on existing loaded models\" gpu=" gid[h, $4] \
	    " library=cuda total=\"24.0 GiB\" available=\"" $5 " GiB\"")
}
ev == "req" {
	d = substr(t, 1, 4) "/" substr(t, 6, 2) "/" substr(t, 9, 2)
	emit(h, pre(t, h) sprintf("[GIN] %s - %s | %d | %12s | %15s | POST     \"%s\"", d, substr(t, 12, 8), $4, $5, "127.0.0.1", $6))
}
ev == "panic" {
	emit(h, pre(t, h) "panic: runtime error: invalid memory address or nil pointer dereference")
	emit(h, pre(t, h) "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5a1b2c]")
}
