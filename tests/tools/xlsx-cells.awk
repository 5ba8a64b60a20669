# xlsx-cells.awk - list the cells of one worksheet of an unzipped XLSX,
# one line per cell, for golden tests:
#
#   awk -f xlsx-cells.awk xl/styles.xml xl/worksheets/sheetN.xml
#
# Output: REF <tab> KIND <tab> VALUE [<tab> FORMAT]
#   KIND str   text (inline or shared string; shared: VALUE is "sst:N")
#        num   number; FORMAT is the cell's number format code
#        date  number with a date format, VALUE as yyyy-mm-dd hh:mm:ss.fff
#        bool  boolean
#        FORMULA  a formula cell (VALUE is the formula text)
# Newlines in text are shown as \n, tabs as \t (a backslash as is).
# Works on the single-line XML libxlsxwriter writes: records are split
# at "<".
BEGIN { RS = "<"; nxf = 0; inxfs = 0 }

function attr(rec, name,    m) {
	if (match(rec, " " name "=\"[^\"]*\"")) {
		m = substr(rec, RSTART + length(name) + 3)
		return substr(m, 1, index(m, "\"") - 1)
	}
	return ""
}

function unesc(s) {
	gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
	gsub(/&apos;/, "'", s); gsub(/&#10;/, "\n", s); gsub(/&#9;/, "\t", s)
	gsub(/&amp;/, "\\&", s)
	return s
}

function show(s) {
	gsub(/\n/, "\\n", s); gsub(/\t/, "\\t", s)
	return s
}

# Excel serial (1900 system, after 1900-03-01) to yyyy-mm-dd hh:mm:ss.fff
function serial_date(v,    ms, days, z, era, doe, yoe, doy, mp, d, m, y, t) {
	ms = int((v - 25569) * 86400000 + 0.5)
	days = int(ms / 86400000); if (days * 86400000 > ms) days--
	t = ms - days * 86400000
	z = days + 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	if (m <= 2) y++
	return sprintf("%04d-%02d-%02d %02d:%02d:%02d.%03d", y, m, d,
	    int(t / 3600000), int(t / 60000) % 60, int(t / 1000) % 60, t % 1000)
}

FNR == 1 { file++ }

# styles.xml: number formats and the cellXfs list (index = s attribute)
file == 1 {
	if ($0 ~ /^numFmt /)
		fmtcode[attr($0, "numFmtId")] = unesc(attr($0, "formatCode"))
	else if ($0 ~ /^cellXfs[ >]/)
		inxfs = 1
	else if ($0 ~ /^\/cellXfs>/)
		inxfs = 0
	else if (inxfs && $0 ~ /^xf[ >\/]/)
		xfnum[nxf++] = attr($0, "numFmtId")
	next
}

function builtin(id) {
	if (id == "" || id == 0) return "General"
	if (id == 1) return "0"
	if (id == 2) return "0.00"
	if (id == 3) return "#,##0"
	if (id == 4) return "#,##0.00"
	if (id == 9) return "0%"
	if (id == 10) return "0.00%"
	return "builtin:" id
}

function flush(    f, id) {
	if (ref == "")
		return
	if (isf)
		print ref "\tFORMULA\t" show(ftext)
	else if (ctype == "inlineStr" || ctype == "str")
		print ref "\tstr\t" show(text)
	else if (ctype == "s")
		print ref "\tstr\tsst:" val
	else if (ctype == "b")
		print ref "\tbool\t" val
	else if (val != "") {
		id = xfnum[style + 0]
		f = (id in fmtcode) ? fmtcode[id] : builtin(id)
		if (f ~ /yy/)
			print ref "\tdate\t" serial_date(val + 0)
		else
			print ref "\tnum\t" val "\t" f
	}
	ref = ""
}

file == 2 {
	if ($0 ~ /^c[ >\/]/) {
		flush()
		ref = attr($0, "r"); style = attr($0, "s"); ctype = attr($0, "t")
		text = ""; val = ""; isf = 0; ftext = ""
		if ($0 ~ /\/>$/)
			ref = ""
	} else if ($0 ~ /^\/c>/)
		flush()
	else if (ref != "" && $0 ~ /^t[ >]/)
		text = text unesc(substr($0, index($0, ">") + 1))
	else if (ref != "" && $0 ~ /^v>/)
		val = substr($0, 3)
	else if (ref != "" && $0 ~ /^f[ >\/]/) {
		isf = 1
		ftext = unesc(substr($0, index($0, ">") + 1))
	}
}

END { flush() }
