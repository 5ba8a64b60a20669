#!/usr/bin/env python3
"""baseline.py - the Python way: the 14 categories' regexes over a log,
one row per matching line into SQLite (category, line number, raw text).

    python3 bench/baseline.py LOG DB

This is the baseline bench/targets.sh measures ollama-logreport against:
what a user would write in an afternoon (re, sqlite3, executemany), with
no time parsing, no units, no load sequences.
"""
import re
import sqlite3
import sys

# Key message texts of the 14 categories (bench/run.sh's grep pattern,
# split by category), plus failures.
CATEGORIES = {
    "vram_updates": r"updated VRAM|msg=\"gpu memory\"",
    "system_memory": r"system memory",
    "fit_decisions": r"will fit in available VRAM|low vram mode",
    "offload_estimates": r"msg=offload|offload to ",
    "memory_buffers": r"KV buffer size|KV self size|compute buffer size|msg=\"model weights\"|msg=\"compute graph\"|msg=\"kv cache\"",
    "vram_timeouts": r"didn.t recover within timeout",
    "gpus": r"inference compute",
    "token_caches": r"token to piece cache size|cache size",
    "model_files": r"BPW|file type|file format|loaded meta data",
    "tensor_loads": r"load_tensors|llm_load_tensors|offloaded \d+/\d+ layers",
    "model_params": r"model params|runner started in|llama-server started in",
    "runners": r"starting llama server|starting llama-server|starting runner|starting go runner|starting ollama engine|Server listening on|loaded runners",
    "model_metadata": r"llama_model_loader: - kv|print_info:|llm_load_print_meta:",
    "tensor_types": r"llama_model_loader: - type",
    "failures": r"error loading llama server|Load failed|out of memory|panic:",
}


def main():
    log, db = sys.argv[1], sys.argv[2]
    pats = [(name, re.compile(rx)) for name, rx in CATEGORIES.items()]
    con = sqlite3.connect(db)
    for name, _ in pats:
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} (line INTEGER, raw TEXT)")
    rows = {name: [] for name, _ in pats}
    with open(log, "rb") as f:
        for n, b in enumerate(f, 1):
            s = b.decode("utf-8", "replace")
            for name, rx in pats:
                if rx.search(s):
                    rows[name].append((n, s.rstrip("\r\n")))
                    break
    for name, r in rows.items():
        con.executemany(f"INSERT INTO {name} VALUES (?, ?)", r)
    con.commit()
    print(sum(len(r) for r in rows.values()))


if __name__ == "__main__":
    main()
