"""Import memory benchmark: the peak memory of checking the worst files, each in a child
process of its own (its peak RSS by resource.getrusage), against the budget of 1 GB.

    .venv/bin/python -m benchmarks.import_memory [--only NAME ...] [--largest] [--load]
                                                 [--keep DIR]

The hostile workbooks are small files (0.7–1.7 MB) that would unfold into far more than they
weigh: a sheet whose <dimension> claims A1:XFD1048576, one shared string of 60 million
characters, one merge over a whole sheet, a cell at XFD1048576, a thousand sheets, styles of
15 MB. The CSVs are the largest a person may upload (50 MB of flat rows; one name of 40
million characters). --largest adds the largest workbook accepted (MAX_CELLS cells, about a
minute and a half to read). Each is given to importer.import_file — a dry run, or with --load
a real load when it passes — on the database of benchmarks/import_bench (reference lists,
2,000 agencies of today's units). The figures are the peak RSS of the whole child (Python,
pandas, openpyxl and DuckDB included: the baseline line is a child that only imports them).
The files are written by a child too: a child's peak RSS counts its parent's at the fork, so
the parent stays small.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_MB = 1024
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from data_access import importer
from data_access.db import Database
path, url, load = sys.argv[1], sys.argv[2], sys.argv[3] == "load"
db = Database(url)
data = open(path, "rb").read() if path != "-" else None
t0 = time.perf_counter()
if data is not None:
    result = importer.import_file(db, data, path.rsplit("/", 1)[-1], dry_run=not load)
    outcome = result.outcome
    codes = sorted({{i.code for i in result.errors}})
    where = [(i.sheet, i.row, i.column) for i in result.errors[:1]]
else:
    outcome, codes, where = "baseline", [], []
hwm = next((int(ln.split()[1]) / 1024 for ln in open("/proc/self/status")
            if ln.startswith("VmHWM")), None)
print(json.dumps({{"outcome": outcome, "codes": codes, "where": where,
                  "seconds": time.perf_counter() - t0, "hwm_mb": hwm,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


# --- building the files -------------------------------------------------------------------
def _flat_workbook(rows: int) -> bytes:
    """A real flat-template workbook of `rows` rows (about 9 KB a hundred rows)."""
    from openpyxl import Workbook
    from tests.test_import_corpus import flat_row
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    base = flat_row()
    ws.append(list(base))
    for i in range(rows):
        month = 1 + i % 12
        ws.append([f"2024-{month:02d}-01" if k == "period_start" else
                   f"2024-{month:02d}-28" if k == "period_end" else
                   (None if v == "" else v) for k, v in base.items()])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _patched(data: bytes, part: str, change) -> bytes:
    """The workbook with one part's XML changed (added when absent)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == part:
                body = change(body)
            dst.writestr(item, body)
        if part not in names:
            dst.writestr(part, change(b""))
    return out.getvalue()


def _sheet(data: bytes, change) -> bytes:
    return _patched(data, "xl/worksheets/sheet1.xml", change)


def lying_dimension(ctx: dict) -> bytes:
    """The sheet claims A1:XFD1048576 (17 billion cells) over its few thousand rows."""
    lie = b'<dimension ref="A1:XFD1048576"/>'

    def change(xml: bytes) -> bytes:
        if b"<dimension" in xml:
            return re.sub(rb"<dimension [^>]*/>", lie, xml, count=1)
        return xml.replace(b"<sheetData>", lie + b"<sheetData>", 1) if b"<sheetViews" not in xml \
            else xml.replace(b"<sheetViews", lie + b"<sheetViews", 1)
    return _sheet(ctx["base"], change)


def huge_shared_string(ctx: dict) -> bytes:
    """One shared string of 60 million characters (under the parts' size limit, so that the
    look must find it), used by a cell of row 2."""
    base = ctx["base"]

    def sst(_):
        return (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
                b"<si><t>" + b"x" * 60_000_000
                + b"</t></si></sst>")
    data = _patched(base, "xl/sharedStrings.xml", sst)
    data = _patched(data, "[Content_Types].xml", lambda x: x.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    data = _patched(data, "xl/_rels/workbook.xml.rels", lambda x: x.replace(
        b"</Relationships>", b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>"))
    return _sheet(data, lambda x: re.sub(rb'<c r="E2"[^>]*?(/>|>.*?</c>)',
                                         b'<c r="E2" t="s"><v>0</v></c>', x, count=1))


def merge_whole_sheet(ctx: dict) -> bytes:
    return _sheet(ctx["base"], lambda x: x.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
        b"</mergeCells>", 1))


def cell_at_the_corner(ctx: dict) -> bytes:
    return _sheet(ctx["base"], lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>', 1))


def many_sheets(_: dict) -> bytes:
    """A thousand sheets of a form-like header each: many small parts."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    for k in range(1000):
        ws = wb.create_sheet(f"S{k}")
        for r in range(30):
            ws.append([f"Đơn vị {k}", r, r * 2, r * 3, "Sở Tư pháp", r])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def largest_csv(ctx: dict) -> bytes:
    """50 MB of distinct flat rows (about 460,000), the upload limit, that pass every check
    on the benchmark database: the whole read and check path."""
    from benchmarks import import_bench
    rows = import_bench.flat_rows(ctx["agencies"], 470_000)
    data = rows.to_csv(index=False).encode("utf-8")
    return data[:data.rfind(b"\n", 0, 50 * 1024 * 1024) + 1]


def huge_name_csv(_: dict) -> bytes:
    from tests.test_import_corpus import flat_csv, flat_row
    return flat_csv([flat_row(agency_code="", agency_name="Sở " + "x" * 40_000_000)])


def largest_workbook(ctx: dict) -> bytes:
    """The largest workbook accepted: flat rows up to MAX_CELLS cells, passing every check."""
    from openpyxl import Workbook
    from benchmarks import import_bench
    from domain.validation import MAX_CELLS
    rows = import_bench.flat_rows(ctx["agencies"], MAX_CELLS // 27 - 10)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(list(rows.columns))
    for rec in rows.itertuples(index=False):
        ws.append([None if v == "" else v for v in rec])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def huge_styles(ctx: dict) -> bytes:
    """Styles of 15 MB (the parts' limit is 16 MB): 150,000 cell formats, which openpyxl
    reads whole."""
    xfs = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>' * 150_000

    def change(xml: bytes) -> bytes:
        return re.sub(rb"<cellXfs[^>]*>", b'<cellXfs count="150001">' + xfs, xml, count=1)
    return _patched(ctx["base"], "xl/styles.xml", change)


CASES = {  # name → (suffix, builder)
    "lying_dimension": (".xlsx", lying_dimension),
    "huge_shared_string": (".xlsx", huge_shared_string),
    "merge_whole_sheet": (".xlsx", merge_whole_sheet),
    "cell_at_XFD1048576": (".xlsx", cell_at_the_corner),
    "thousand_sheets": (".xlsx", many_sheets),
    "largest_csv_50MB": (".csv", largest_csv),
    "name_of_40M_chars": (".csv", huge_name_csv),
    "styles_of_15MB": (".xlsx", huge_styles),
    "largest_workbook": (".xlsx", largest_workbook),
}


def build(folder: Path, names: list[str]) -> None:
    """Write the benchmark database and the files (in a child: the parent stays small, for a
    child's peak RSS counts the parent's at the fork)."""
    from benchmarks import import_bench
    db, agencies = import_bench.build_db(f"duckdb:///{folder / 'bench.duckdb'}")
    db.dispose()
    ctx = {"base": _flat_workbook(14_000),  # ~0.75 MB of real rows under each hostile change
           "agencies": agencies}
    for name in names:
        suffix, builder = CASES[name]
        (folder / f"{name}{suffix}").write_bytes(builder(ctx))


def measure(path: str, url: str, load: bool = False) -> dict:
    run = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), path, url,
                          "load" if load else "check"],
                         capture_output=True, text=True, timeout=1800, cwd=ROOT)
    if run.returncode != 0:
        return {"outcome": f"child exit {run.returncode}", "codes": [run.stderr[-300:]],
                "where": [], "seconds": 0.0, "peak_mb": float("nan")}
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="the cases to run (default: all)")
    ap.add_argument("--largest", action="store_true", help="also the largest accepted workbook")
    ap.add_argument("--keep", help="write the files into this folder and keep them")
    ap.add_argument("--load", action="store_true",
                    help="load the files that pass (write them), not only check them")
    ap.add_argument("--build", help=argparse.SUPPRESS)  # the child that writes the files
    args = ap.parse_args(argv)
    names = args.only or [n for n in CASES if args.largest or n != "largest_workbook"]
    if args.build:
        build(Path(args.build), names)
        return 0
    folder = Path(args.keep or tempfile.mkdtemp(prefix="import_memory_"))
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "benchmarks.import_memory", "--build", str(folder),
                    "--only", *names], check=True, cwd=ROOT)
    url = f"duckdb:///{folder / 'bench.duckdb'}"
    base_line = measure("-", url)
    print(f"baseline (a child that only imports the importer): peak {base_line['peak_mb']:.0f} MB;"
          f" budget {BUDGET_MB} MB")
    print(f"{'case':<20} {'size':>9} {'peak RSS':>9} {'VmHWM':>8} {'time':>7}  outcome")
    worst = 0.0
    for name in names:
        path = folder / f"{name}{CASES[name][0]}"
        started = time.perf_counter()
        got = measure(str(path), url, args.load)
        worst = max(worst, got["peak_mb"])
        where = got["where"][0] if got["where"] else ""
        print(f"{name:<20} {path.stat().st_size / 1048576:>7.2f}MB {got['peak_mb']:>7.0f}MB "
              f"{got.get('hwm_mb') or 0:>6.0f}MB {time.perf_counter() - started:>6.1f}s  "
              f"{got['outcome']} {','.join(got['codes'])} {where}")
        if not args.keep:
            path.unlink()
    print(f"worst peak: {worst:.0f} MB — {'within' if worst <= BUDGET_MB else 'OVER'} "
          f"the {BUDGET_MB} MB budget")
    return 0 if worst <= BUDGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
