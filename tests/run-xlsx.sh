#!/bin/sh
# run-xlsx.sh - placeholder until the xlsx report lands.
. "$(dirname "$0")/setup.sh"
ok
finish
