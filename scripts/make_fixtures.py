#!/usr/bin/env python3
"""Build the reader test fixtures in tests/fixtures/ (run from the repo root).

Needs LibreOffice (Debian: ``apt-get install -y libreoffice-writer-nogui
fonts-liberation2``; the older fonts-liberation lacks Vietnamese glyphs) and
the project's virtualenv (python-docx, Pillow).  Writes:

- seeds/<seed>.docx and .pdf: the five seed texts converted by LibreOffice;
- seeds/000_numbered.docx: seed 000 with its list labels turned into real
  Word automatic numbering (numbering.xml), one level through a paragraph style;
- layout/header_two_column.{html,docx,pdf}: the official two-column header and
  signature block laid out as borderless tables;
- layout/mostly_image.pdf: a page that is one large picture plus a short line;
- bad/*: empty, binary junk, a truncated PDF, UTF-16 (with and without BOM),
  cp1258, double-encoded UTF-8, a non-Vietnamese text, wrong extensions.

Deterministic apart from LibreOffice's own timestamps inside the files.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vbextract.normalize import normalize_text  # noqa: E402

RAW = ROOT / "corpora" / "raw"
OUT = ROOT / "tests" / "fixtures"
TEXT_FILTER = "Text (encoded):UTF8,LF,Liberation Serif,vi"


def soffice(src: Path, target: str, outdir: Path, infilter: str | None = None) -> Path:
    """Convert ``src`` with LibreOffice headless; return the produced file."""
    cmd = ["soffice", "--headless", "--norestore"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    produced = outdir / f"{src.stem}.{target.split(':')[0]}"
    if not produced.exists():
        raise SystemExit(f"LibreOffice did not produce {produced}")
    return produced


def make_seeds(tmp: Path) -> None:
    out = OUT / "seeds"
    out.mkdir(parents=True, exist_ok=True)
    for txt in sorted(RAW.glob("00[0-9]_*.txt")):
        src = tmp / txt.name
        shutil.copy(txt, src)
        docx = soffice(src, "docx", tmp, TEXT_FILTER)
        pdf = soffice(docx, "pdf", tmp)
        shutil.copy(docx, out / docx.name)
        shutil.copy(pdf, out / pdf.name)
        print("seed", txt.stem)


# --- real Word numbering ----------------------------------------------------------

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# (pattern, list, level): which seed labels become automatic numbering.
_LABELS = [
    (re.compile(r"^([IVX]{1,5})\. (?=\S)"), "outline", 0),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\. (?=\S)"), "outline", 2),
    (re.compile(r"^(\d{1,2})\. (?=\S)"), "outline", 1),
    (re.compile(r"^- (?=\S)"), "bullet", 0),
    (re.compile(r"^\+ (?=\S)"), "bullet", 1),
]

_NUMBERING_XML = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10">
 <w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/>
  <w:suff w:val="space"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>
  <w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>
  <w:lvlText w:val="%2.%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
 <w:multiLevelType w:val="hybridMultilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:suff w:val="space"/>
  <w:lvlText w:val="-"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:suff w:val="space"/>
  <w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>"""


def _expected_label(kind: str, level: int, counters: dict[int, int]) -> tuple[str, ...]:
    if kind == "bullet":
        return ()
    value = counters.get(level, 0) + 1
    if level == 0:
        return (_ROMAN[value - 1],) if value <= len(_ROMAN) else ("",)
    if level == 1:
        return (str(value),)
    return (str(counters.get(1, 0)), str(value))


def make_numbered_docx() -> None:
    """Seed 000 with every consistent list label replaced by Word numbering."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    text = normalize_text((RAW / "000_d33c2c6bea5c954f.txt").read_text(encoding="utf-8"))
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(_NUMBERING_XML)
    heading = document.styles["Heading 1"]
    heading.element.get_or_add_pPr().append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:numId w:val="1"/></w:numPr>'
        )
    )
    counters: dict[int, int] = {}
    for line in text.split("\n"):
        if not line:
            continue
        for pattern, kind, level in _LABELS:
            match = pattern.match(line)
            if not match:
                continue
            if match.groups() != _expected_label(kind, level, counters):
                match = None
            break
        if not match:
            document.add_paragraph(line)
            continue
        body = line[match.end():]
        if kind == "outline":
            counters[level] = counters.get(level, 0) + 1
            for deeper in range(level + 1, 3):
                counters.pop(deeper, None)
        if kind == "outline" and level == 0:
            document.add_paragraph(body, style="Heading 1")  # numbered through its style
            continue
        paragraph = document.add_paragraph(body)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().set(qn("w:val"), str(level))
        num_pr.get_or_add_numId().set(qn("w:val"), "1" if kind == "outline" else "2")
    document.save(str(OUT / "seeds" / "000_numbered.docx"))
    print("numbered docx")


# --- layout fixtures ----------------------------------------------------------------

_HEADER_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
body {{ font-family: 'Liberation Serif'; font-size: 13pt; }}
table {{ border: none; width: 100%; }} td {{ vertical-align: top; text-align: center; }}
p.body {{ text-align: justify; text-indent: 1cm; }}
</style></head><body>
<table width="100%" cellpadding="0"><tr>
<td width="38%"><b>ỦY BAN NHÂN DÂN</b><br><b>TỈNH ĐỒNG THÁP</b><br>Số: 235/KH-UBND</td>
<td width="62%"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>
<i>Đồng Tháp, ngày 11 tháng 9 năm 2025</i></td>
</tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Thực hiện Kết luận số 132-KL/TW về công tác phòng, chống ma túy</b></p>
{body}
<table width="100%" cellpadding="0"><tr>
<td width="50%" style="text-align:left"><b><i>Nơi nhận:</i></b><br>- Bộ Công an;<br>- Thường trực Tỉnh ủy;<br>- Lưu: VT.</td>
<td width="50%"><b>TM. ỦY BAN NHÂN DÂN</b><br><b>KT. CHỦ TỊCH</b><br><b>PHÓ CHỦ TỊCH</b><br><br><br><b>Trần Trí Quang</b></td>
</tr></table>
</body></html>"""

_HEADER_BODY = [
    "Căn cứ Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị "
    "số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường, nâng cao hiệu quả công tác "
    "phòng, chống và kiểm soát ma túy, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Tổ chức triển khai, thực hiện Kết luận số 132-KL/TW kịp thời, nghiêm túc, đồng bộ và "
    "hiệu quả nhằm tăng cường, nâng cao hiệu quả công tác phòng, chống ma túy trên địa bàn tỉnh.",
    "2. Công an tỉnh chủ trì, phối hợp với các sở, ngành, địa phương theo dõi, đôn đốc việc thực "
    "hiện Kế hoạch này; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.",
]


def make_layout(tmp: Path) -> None:
    out = OUT / "layout"
    out.mkdir(parents=True, exist_ok=True)
    body = "\n".join(f'<p class="body">{p}</p>' for p in _HEADER_BODY)
    html_path = out / "header_two_column.html"
    html_path.write_text(_HEADER_HTML.format(body=body), encoding="utf-8")
    docx = soffice(html_path, "docx:MS Word 2007 XML", tmp)
    pdf = soffice(docx, "pdf", tmp)
    shutil.copy(docx, out / docx.name)
    shutil.copy(pdf, out / pdf.name)

    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (900, 1200), "white")
    draw = ImageDraw.Draw(picture)
    rng = random.Random(7)
    for y in range(60, 1150, 28):  # grey bars standing for scanned lines of text
        draw.rectangle([60, y, 60 + rng.randint(500, 780), y + 12], fill=(90, 90, 90))
    picture.save(tmp / "scan.png")
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("Số: 12/TB-UBND")
    document.add_picture(str(tmp / "scan.png"), width=Cm(16))
    document.save(str(tmp / "mostly_image.docx"))
    pdf = soffice(tmp / "mostly_image.docx", "pdf", tmp)
    shutil.copy(pdf, out / "mostly_image.pdf")
    print("layout")


# --- bad input -------------------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Encode NFC Vietnamese text in Windows-1258 (base letter + combining tone)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def double_encode(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined kept as Latin-1)."""
    return "".join(
        bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8")
    )


_ENGLISH = (
    "The committee met on Tuesday to review the annual budget. Members discussed the\n"
    "allocation of funds for road maintenance, public libraries and the new water plant.\n"
    "A final report will be presented to the council before the end of the month.\n"
)


def make_bad(tmp: Path) -> None:
    out = OUT / "bad"
    out.mkdir(parents=True, exist_ok=True)
    seed = (RAW / "004_bb57e8686af1b73f.txt").read_text(encoding="utf-8")
    sample = "\n".join(seed.split("\n")[:40]).strip() + "\n"
    (out / "empty.txt").write_bytes(b"")
    (out / "junk.bin").write_bytes(random.Random(1).randbytes(4096))
    (out / "junk.txt").write_bytes(random.Random(2).randbytes(4096))
    pdf = (OUT / "seeds" / "001_61faefb4cd1ca458.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (out / "utf16_bom.txt").write_bytes(sample.encode("utf-16"))
    (out / "utf16le_nobom.txt").write_bytes(sample.encode("utf-16-le"))
    (out / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + sample.encode("utf-8"))
    (out / "cp1258.txt").write_bytes(encode_cp1258(sample))
    (out / "mojibake.txt").write_text(double_encode(sample), encoding="utf-8")
    (out / "english.txt").write_text(_ENGLISH, encoding="utf-8")
    shutil.copy(OUT / "seeds" / "001_61faefb4cd1ca458.pdf", out / "pdf_named.docx")
    shutil.copy(OUT / "seeds" / "001_61faefb4cd1ca458.docx", out / "docx_named.txt")
    shutil.copy(OUT / "layout" / "header_two_column.html", out / "html_named.txt")
    print("bad input")


def main() -> None:
    if not shutil.which("soffice"):
        raise SystemExit("LibreOffice (soffice) is required; see the module docstring")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        make_seeds(tmp)
        make_numbered_docx()
        make_layout(tmp)
        make_bad(tmp)


if __name__ == "__main__":
    main()
