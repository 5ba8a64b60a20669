#!/bin/sh
# run-html.sh - placeholder until the html report lands.
. "$(dirname "$0")/setup.sh"
ok
finish
