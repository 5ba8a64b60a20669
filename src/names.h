/*
 * names.h - one name per model blob, the same in every report.
 *
 * People call a model by its Ollama tag ("llama3.2:latest"); the log
 * names it by blob digest and GGUF general.name. After the loads are
 * rebuilt, names_resolve() gives every load's model one name (table
 * model_names, copied into loads.name):
 *
 *   1. a tag printed in the log ("template selection", 0.30+), given to
 *      the load that completed just before it;
 *   2. a tag from an Ollama models directory (--models DIR, manifests.c);
 *   3. general.name with size and quantisation:
 *      "Meta Llama 3.1 8B Instruct Q4_K_M";
 *   4. the architecture with size and quantisation; 5. the file name.
 *
 * Two blobs that would share a name get their short digest in it.
 */
#ifndef OLR_NAMES_H
#define OLR_NAMES_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

/*
 * "registry.ollama.ai/library/llama3.2:latest" -> "llama3.2:latest";
 * "registry.ollama.ai/user/m:t" -> "user/m:t"; other registries kept
 * whole; a name without a tag gets ":latest". Writes at most size bytes.
 */
void names_tag_display(const char *model, char *out, size_t size);

/*
 * "Q4_K - Medium" -> "Q4_K_M", "Q5_K - Small" -> "Q5_K_S", "all F32" ->
 * "F32", "IQ2_XS - 2.3125 bpw" -> "IQ2_XS", "Q4_0" -> "Q4_0". Empty when
 * nothing is left.
 */
void names_quant(const char *file_type, char *out, size_t size);

/*
 * The name from GGUF facts: general.name (or else the architecture) with
 * the parameter count when the name holds no size ("8B", "8x7B", "1.5B",
 * "137M"), and the quantisation. Any argument may be NULL or 0. Empty
 * when there is no name and no architecture.
 */
void names_compose(const char *general_name, const char *arch,
    long long params, const char *file_type, char *out, size_t size);

/*
 * A host's one name, from its journal host or else its log's path: the
 * last path component without .gz and .log ("server-1.log.gz" ->
 * "server-1"). Charts and the capacity review name hosts by it.
 */
void names_host(const char *host_or_path, char *out, size_t size);

/* How a host's name is shown in a legend or a table: 24 characters at
 * most, else 23 and an ellipsis. */
void names_host_short(const char *name, char *out, size_t size);

/*
 * One name per GPU, the same in every table, chart, sheet, story and file:
 * "<host>: <model> #<index>", the host only when the reports span several
 * hosts (host NULL or "" leaves it out). model is names_gpu_model() of the
 * inventory name (cut to 28 bytes); index is the GPU's place among its
 * host's GPUs in inventory order, from 0 (names_gpus numbers them).
 */
void names_gpu_label(const char *host, const char *model, int idx,
    char *out, size_t size);

/* "RTX 3090" from "NVIDIA GeForce RTX 3090"; "GPU" when nothing is left. */
const char *names_gpu_model(const char *name);

/*
 * A load's device (load_devices.device) as the reports name it: gpu_label
 * (its inventory GPU's names_gpu_label, NULL when not matched) for a GPU,
 * with " (mapped)" for a "_Mapped" buffer; "CPU", "CPU (mapped)",
 * "CPU (repack)" for CPU buffers; "pinned host memory" for CUDA_Host and
 * the like. A GPU device not matched keeps its runner name, never a
 * guess: "CUDA0 (not in the inventory)" when the host's inventory has no
 * GPU (inventory = 0), else "CUDA0 (not identified)". host as for
 * names_gpu_label.
 */
void names_device_label(const char *host, const char *device,
    const char *gpu_label, int inventory, char *out, size_t size);

/* The SQL of a row's device name: the load_devices name of its load
 * (alias.load_id) and device (alias.device), else the device itself. */
#define NAMES_DEVICE_SQL(a) "coalesce((SELECT nd.name FROM load_devices" \
	" nd WHERE nd.load_id = " a ".load_id AND nd.device = " a ".device)," \
	" " a ".device)"

/* *several = 1 when the logs (main.sources) come from several hosts
 * (names_host): then every GPU and device name starts with its host. */
int names_several_hosts(sqlite3 *db, int *several, struct olr_err *err);

/* The SQL of the GPUs a load (load_id, an SQL expression) ran on, by
 * name, comma-separated ("RTX 3090 #1, RTX A5000 #0"); NULL when none. */
#define NAMES_LOAD_GPUS_SQL(load_id) "(SELECT group_concat(n, ', ') FROM" \
	" (SELECT DISTINCT coalesce(gd.name, gd.device) AS n FROM load_devices" \
	" gd WHERE gd.load_id = " load_id " AND gd.device NOT LIKE 'CPU%' AND" \
	" gd.device NOT LIKE '%\\_Host' ESCAPE '\\' AND gd.device NOT LIKE" \
	" '%\\_Mapped' ESCAPE '\\' ORDER BY gd.device))"

/*
 * Number the inventory GPUs (table gpu_names) and name every load device
 * (load_devices.name) by the rules above. Part of names_resolve(); the
 * sources whose names changed are added to *renamed (when not NULL).
 */
int names_gpus(sqlite3 *db, int64_t **renamed, size_t *nrenamed,
    struct olr_err *err);

/* Add a tag of a blob (origin "manifest"); kept across runs. */
int names_add_tag(sqlite3 *db, const char *digest, const char *tag,
    const char *origin, struct olr_err *err);

/*
 * Give tags printed in the logs to their loads, then (re)build
 * model_names and loads.name, and the GPU names (names_gpus()). When
 * renamed is not NULL, *renamed gets the sources (*nrenamed of them,
 * free()) with a load, a load device or a GPU whose name changed.
 */
int names_resolve(sqlite3 *db, int64_t **renamed, size_t *nrenamed,
    struct olr_err *err);

#endif
