#!/bin/sh
# run-gpunames.sh - one name per GPU (issue 11): which inventory GPU a
# load's runner device is (load_devices.gpu_id, gpu_match), and that the
# database, report.md and index.html name it alike ("RTX 3090 #1",
# "host: RTX 3090 #1" when several hosts, "CUDA0 (not in the inventory)").
. "$(dirname "$0")/setup.sh"

cd "$OLR_SRCDIR" || exit 1
d=tests/data/gpunames

expect() {  # name expected actual
  if [ "$2" = "$3" ]; then ok; else
    bad "$1:"; printf 'expected:\n%s\ngot:\n%s\n' "$2" "$3"
  fi
}
has() {  # file text
  grep -qF -- "$2" "$1" && ok || bad "$1 lacks: $2"
}
lacks() {  # file text
  grep -qF -- "$2" "$1" && bad "$1 has: $2" || ok
}
q() {  # db sql: the rows, columns joined by " | "
  echo "$2" | "$OLR_DBDUMP" --query "$1"
}

# 1. one host: CUDA1 is inventory GPU #0 (by the PCI id, then the UUID)
"$OLR_BIN" -q "$d/two-gpu-reordered.log" -o "$tmp/one" --format db,md,html
expect "one host: devices" "1 | CPU_Mapped | - | CPU (mapped)
1 | CUDA0 | pci | RTX 3090 #1
1 | CUDA1 | pci | RTX A5000 #0
1 | CUDA_Host | - | pinned host memory
2 | CPU | - | CPU
2 | CUDA1 | uuid | RTX A5000 #0" "$(q "$tmp/one/ollama.db" \
  "SELECT load_id, device, coalesce(gpu_match, '-'), name FROM load_devices
   ORDER BY load_id, device")"
expect "one host: gpu_names" "GPU-e04f7d12-8b3a-c961-45de-0f2b9a6c7e80 | 0 | RTX A5000 #0
GPU-1c9e4a7b-62d0-f5e3-9b18-7a0c3e55d241 | 1 | RTX 3090 #1" \
  "$(q "$tmp/one/ollama.db" \
  "SELECT gpu_id, idx, label FROM gpu_names ORDER BY idx")"
# the capacity review, the week's peaks, the stories and the HTML tables
has "$tmp/one/report.md" '| RTX A5000 \#0 | RTX A5000 | 24.00 GiB |'
has "$tmp/one/report.md" '| RTX 3090 \#1 | RTX 3090 | 24.00 GiB |'
has "$tmp/one/index.html" 'on RTX 3090 #1, RTX A5000 #0</div>'
has "$tmp/one/index.html" 'title="RTX 3090 #1: 41 layers, RTX A5000 #0: 40 layers"'
has "$tmp/one/index.html" 'title="RTX A5000 #0: 25 layers"'
has "$tmp/one/index.html" '<td>RTX A5000 #0</td>'
has "$tmp/one/index.html" '<td class="w">RTX 3090 #1</td>'
# (the UUIDs stay in the evidence lines of index.html only)
lacks "$tmp/one/report.md" 'GPU-e04f7d12'
lacks "$tmp/one/report.md" 'CUDA1'
lacks "$tmp/one/index.html" '>CUDA1<'

# 2. two hosts: every name starts with its host; a log without an
# inventory keeps the runner's name
"$OLR_BIN" -q "$d/two-gpu-reordered.log" "$d/no-inventory.log" \
  -o "$tmp/two" --format db,md
expect "two hosts: devices" "1 | CPU_Mapped | - | two-gpu-reordered: CPU (mapped)
1 | CUDA0 | pci | two-gpu-reordered: RTX 3090 #1
1 | CUDA1 | pci | two-gpu-reordered: RTX A5000 #0
1 | CUDA_Host | - | two-gpu-reordered: pinned host memory
2 | CPU | - | two-gpu-reordered: CPU
2 | CUDA1 | uuid | two-gpu-reordered: RTX A5000 #0
3 | CPU | - | no-inventory: CPU
3 | CUDA0 | - | no-inventory: CUDA0 (not in the inventory)
3 | CUDA_Host | - | no-inventory: pinned host memory
4 | CPU | - | no-inventory: CPU
4 | CUDA0 | - | no-inventory: CUDA0 (not in the inventory)
4 | CUDA_Host | - | no-inventory: pinned host memory" \
  "$(q "$tmp/two/ollama.db" \
  "SELECT load_id, device, coalesce(gpu_match, '-'), name FROM load_devices
   ORDER BY load_id, device")"
has "$tmp/two/report.md" '| two-gpu-reordered: RTX A5000 \#0 | RTX A5000 |'
has "$tmp/two/report.md" '| no-inventory: CUDA0 (not in the inventory) | CUDA0 |'

# 3. the corpus: the multi-GPU logs, and one log per kind of evidence
corpus=../shared/corpus
if [ -d "$corpus" ]; then
  one() {  # file-prefix expected
    rm -rf "$tmp/c"
    "$OLR_BIN" -q "$corpus/$1"-*.log -o "$tmp/c" --format db
    expect "corpus $1" "$2" "$(q "$tmp/c/ollama.db" \
      "SELECT DISTINCT device, coalesce(gpu_match, '-'), name FROM
       load_devices WHERE device NOT LIKE 'CPU%' AND device NOT LIKE
       '%\_Host' ESCAPE '\' ORDER BY device, 2")"
  }
  one 018 "CUDA0 | uuid | H100 PCIe MIG 3g.40gb #0
CUDA1 | uuid | H100 PCIe MIG 3g.40gb #1"
  one 027 "CUDA0 | uuid | Quadro RTX 6000 #0
CUDA1 | uuid | Quadro RTX 6000 #1"
  # eight A100s: the runner's CUDA1 is the one the inventory lists first
  one 037 "CUDA1 | uuid | A100-SXM4-80GB #0"
  # the inventory's Vulkan1 (an integrated GPU dropped) is the runner's
  # Vulkan0
  one 044 "Vulkan0 | pci | RTX 3050 Laptop GPU #0"
  one 006 "CUDA0 | scheduler | A100-SXM-64GB #0"
  one 020 "Metal | scheduler | Apple M1 #0
Metal_Mapped | scheduler | Apple M1 #0 (mapped)"
  one 003 "CUDA0 | only_gpu | RTX 4070 Ti SUPER #0"
  one 001 "CUDA0 | - | CUDA0 (not in the inventory)"
  # 005 has no inventory, 004 (the same journal host) has: its one GPU
  rm -rf "$tmp/c"
  "$OLR_BIN" -q "$corpus"/004-*.log "$corpus"/005-*.log -o "$tmp/c" --format db
  expect "corpus 004+005" "CUDA0 | only_gpu | RTX 4060 Laptop GPU #0" \
    "$(q "$tmp/c/ollama.db" \
    "SELECT DISTINCT device, gpu_match, name FROM load_devices WHERE
     device = 'CUDA0'")"
fi

finish
