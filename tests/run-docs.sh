#!/bin/sh
# run-docs.sh - the man page documents the whole database schema.
#
# Every table of src/schema.sql (CREATE TABLE blocks) must have its own
# ".SS TABLE" subsection in man/ollama-logreport.1, and every column a
# ".TP" entry tagged with the column name (".BR column " (TYPE)"", ".B
# column" or "\fBcolumn\fR") in that subsection. The columns common to
# every category table (the tables with an `event` column) may instead be
# documented once, in the ".SS "Common columns"" subsection. The other way
# round, every column entry of the DATABASE section must name a column that
# exists, so that a dropped or renamed column cannot stay documented.
# Nested lists (.RS ... .RE, e.g. the kind values) are not column entries.
# When groff is installed, the page must also format without warnings.
. "$(dirname "$0")/setup.sh"

schema=$OLR_SRCDIR/src/schema.sql
page=$OLR_SRCDIR/man/ollama-logreport.1

for f in "$schema" "$page"; do
  if [ ! -s "$f" ]; then
    bad "$f is missing or empty"
    finish
    exit 1
  fi
done

# Schema: "TABLE COLUMN" lines. Comments are dropped; a column definition
# is the first word of each comma-separated piece of a line inside a
# CREATE TABLE block (the common columns share lines), constraint lines
# (PRIMARY KEY (...), UNIQUE (...), ...) and pieces that are not a plain
# identifier (the rest of "DECIMAL(10,2)" or "(a, b)") are skipped.
awk '
  { sub(/--.*/, "") }
  toupper($0) ~ /^[ \t]*CREATE[ \t]+(TEMP[A-Z]*[ \t]+)?TABLE[ \t]/ {
    t = $0
    sub(/^[ \t]*[A-Za-z]+[ \t]+([A-Za-z]+[ \t]+)?[Tt][Aa][Bb][Ll][Ee][ \t]+/, "", t)
    sub(/^[Ii][Ff][ \t]+[Nn][Oo][Tt][ \t]+[Ee][Xx][Ii][Ss][Tt][Ss][ \t]+/, "", t)
    sub(/[ \t(].*/, "", t)
    gsub(/["`]/, "", t)
    table = t; intable = 1
    rest = $0; sub(/^[^(]*\(?/, "", rest)   # columns on the CREATE line
    $0 = rest
  }
  !intable { next }
  {
    line = $0
    done = (line ~ /^[ \t]*\)[ \t]*;?[ \t]*$/ || line ~ /;[ \t]*$/)
    n = split(line, piece, ",")
    for (i = 1; i <= n; i++) {
      w = piece[i]
      sub(/^[ \t]+/, "", w)
      split(w, word, /[ \t]+/)
      c = word[1]; gsub(/["`]/, "", c)
      if (c !~ /^[A-Za-z_][A-Za-z0-9_]*$/)
        continue
      if (toupper(c) ~ /^(PRIMARY|UNIQUE|FOREIGN|CHECK|CONSTRAINT)$/)
        continue
      print table, c
    }
    if (done)
      intable = 0
  }
' "$schema" > "$tmp/columns"

# Man page: "SECTION COLUMN" for every column entry (.TP at the outer level)
# of each .SS subsection of the DATABASE section; "Common" is the
# subsection of the common columns.
awk '
  /^\.SH/ {
    h = $0; sub(/^\.SH[ \t]+/, "", h); gsub(/"/, "", h)
    indb = (h == "DATABASE"); sec = ""; depth = 0; tp = 0; next
  }
  !indb { next }
  /^\.SS/ {
    h = $0; sub(/^\.SS[ \t]+/, "", h); gsub(/"|\\f[BIRP]/, "", h)
    split(h, w, /[ \t]+/); sec = w[1]; depth = 0; tp = 0
    print sec, "-"
    next
  }
  /^\.RS/ { depth++; tp = 0; next }
  /^\.RE/ { if (depth > 0) depth--; tp = 0; next }
  /^\.TP/ { tp = (depth == 0 && sec != ""); next }
  /^\.\\"/ { next }
  tp {
    s = $0
    sub(/^\.B[IR]?[ \t]+/, "", s)
    gsub(/\\f[BIRP]|"/, " ", s)
    sub(/^[ \t]+/, "", s)
    split(s, w, /[ \t]+/)
    print sec, w[1]
    tp = 0
  }
' "$page" > "$tmp/documented"

tables=$(awk '{ print $1 }' "$tmp/columns" | uniq)
if [ -z "$tables" ]; then
  bad "no CREATE TABLE found in $schema"
fi

# category tables: the ones with an event and a source_id column
awk '$2 == "event" { e[$1] = 1 } $2 == "source_id" { s[$1] = 1 }
  END { for (t in e) if (t in s) print t }' "$tmp/columns" |
  sort > "$tmp/category"

# views (model_metadata): documented as their rows are, not checked here
awk 'toupper($0) ~ /^[ \t]*CREATE[ \t]+VIEW[ \t]/ {
    v = $0
    sub(/^[ \t]*[A-Za-z]+[ \t]+[A-Za-z]+[ \t]+/, "", v)
    sub(/^[Ii][Ff][ \t]+[Nn][Oo][Tt][ \t]+[Ee][Xx][Ii][Ss][Tt][Ss][ \t]+/, "", v)
    sub(/[ \t(].*/, "", v)
    print v
  }' "$schema" > "$tmp/views"

for t in $tables; do
  if grep -qx "$t -" "$tmp/documented"; then
    ok
  else
    bad "table $t has no .SS $t subsection in the DATABASE section of man/ollama-logreport.1"
  fi
  is_cat=0
  grep -qx "$t" "$tmp/category" && is_cat=1
  for c in $(awk -v t="$t" '$1 == t { print $2 }' "$tmp/columns"); do
    if grep -qx "$t $c" "$tmp/documented"; then
      ok
    elif [ "$is_cat" = 1 ] && grep -qx "Common $c" "$tmp/documented"; then
      ok
    else
      bad "column $t.$c is not documented in man/ollama-logreport.1 (no .TP entry in .SS $t)"
    fi
  done
done

# the other way round: documented columns that do not exist
stray=
while read -r sec c; do
  [ "$c" = - ] && continue
  if [ "$sec" = Common ]; then
    missing=$(while read -r t; do
      grep -qx "$t $c" "$tmp/columns" || printf ' %s' "$t"
    done < "$tmp/category")
    if [ -z "$missing" ] && [ -s "$tmp/category" ]; then
      ok
    else
      bad "common column $c is documented but not a column of:${missing:- any table}"
    fi
  elif grep -qx "$sec $c" "$tmp/columns" || grep -qx "$sec" "$tmp/views"; then
    ok
  elif grep -q "^$sec " "$tmp/columns"; then
    bad "man page documents $sec.$c, which src/schema.sql does not define"
  else
    # report such a subsection once, not once per entry
    case " $stray " in
      *" $sec "*) ;;
      *) stray="$stray $sec"
         bad "man page has a .SS $sec subsection, but src/schema.sql has no table $sec" ;;
    esac
  fi
done < "$tmp/documented"

# the page formats cleanly (skipped without groff)
if command -v groff > /dev/null 2>&1; then
  if groff -man -Tutf8 -ww -z "$page" > "$tmp/groff.out" 2>&1 &&
     [ ! -s "$tmp/groff.out" ]; then
    ok
  else
    bad "groff -man -ww reports problems in man/ollama-logreport.1:"
    head -n 20 "$tmp/groff.out"
  fi
fi

finish
