"""Normaliser: exact rewrites on real text, idempotence, offset maps; text
decoding round trips."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOLD, RAW
from vbextract.evaluate import find_document
from vbextract.normalize import canonical_tones, normalize, normalize_text
from vbextract.readers import read
from vbextract.readers.text import decode_text, vietnamese_score

SEED_000 = RAW / "000_d33c2c6bea5c954f.txt"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hoà bình, thuý, khoẻ, THUỶ, Thuỳ", "Hòa bình, thúy, khỏe, THỦY, Thùy"),
        ("quý, quà, hoàng, thuyền", "quý, quà, hoàng, thuyền"),
        ("Vie\u0302\u0323t Nam", "Việt Nam"),
        ("giải\n\npháp trọng tâm", "giải pháp trọng tâm"),
        ("Chỉ thị số 36-\nCT/TW ngày 16/8/2019", "Chỉ thị số 36-CT/TW ngày 16/8/2019"),
        ("**I. MỤC ĐÍCH**\n\n*Chỉ thị số 36-CT/TW*", "I. MỤC ĐÍCH\n\nChỉ thị số 36-CT/TW"),
        ("## **2. Tuyên truyền**", "2. Tuyên truyền"),
        ("Kế hoạch<sup>1</sup> số 910/KH-UBND &amp; B&nbsp;C", "Kế hoạch số 910/KH-UBND & B C"),
        ("| Số hiệu | 235/KH-UBND |\n|---|---|", "Số hiệu | 235/KH-UBND"),
        ("Nội dung\n\n--- PAGE BREAK ---\n\n12\n\nTrang 3\n\nTiếp theo", "Nội dung\n\nTiếp theo"),
        # a body sentence running on over a page break is joined; a new labelled item is not
        ("- Các bộ, ngành tổng hợp kết quả, báo cáo Thủ tướng\n\n2\n\n--- PAGE BREAK ---\n\nChính phủ trong tháng 3.",
         "- Các bộ, ngành tổng hợp kết quả, báo cáo Thủ tướng Chính phủ trong tháng 3."),
        ("- Sở Y tế chủ trì thực hiện các nhiệm vụ được giao tại\n\n--- PAGE BREAK ---\n\nII. TỔ CHỨC THỰC HIỆN",
         "- Sở Y tế chủ trì thực hiện các nhiệm vụ được giao tại\n\nII. TỔ CHỨC THỰC HIỆN"),
        ("a\u00a0\u00a0b\t c\u200b.\r\nD", "a b c.\nD"),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_canonical_tones_keeps_length() -> None:
    assert canonical_tones("văn hoá, hoà bình, quý") == "văn hóa, hòa bình, quý"


def test_glued_headings_of_seed_000_become_three_lines() -> None:
    text = normalize_text(read(SEED_000).text)
    assert (
        "II. NỘI DUNG VÀ PHƯƠNG PHÁP TIẾN HÀNH\n1. Nội dung sơ kết\n"
        "1.1. Công tác lãnh đạo, chỉ đạo thực hiện\n" in text
    )


def test_duplicated_body_of_seed_002_is_kept_once() -> None:
    raw = read(RAW / "002_a7c8cf7df88d9035.txt").text
    result = normalize(raw)
    assert [w.code for w in result.warnings] == ["duplicate_block_removed"]
    assert raw.count("Tổ chức triển khai, thực hiện Kết luận số 132-KL/TW kịp thời") == 2
    assert result.text.count("Tổ chức triển khai, thực hiện Kết luận số 132-KL/TW kịp thời") == 1


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", canonical_tones(text).lower())


_MARKUP = re.compile(r"<[^<>]{0,300}>|-{2,} ?PAGE BREAK ?-{2,}")


@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_task_words_survive_normalisation(gold) -> None:  # noqa: ANN001
    data = json.loads(gold.read_text(encoding="utf-8"))
    raw = read(find_document(GOLD, data.get("file") or f"{gold.stem}.txt")).text
    text = normalize_text(raw)
    assert normalize_text(text) == text
    bag = Counter(_tokens(text))
    for task in data.get("tasks", []):
        words = _tokens(_MARKUP.sub(" ", task["text"]))  # gold keeps tags and page markers
        found = sum(min(n, bag[w]) for w, n in Counter(words).items())
        assert found >= 0.99 * len(words), task["text"][:80]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem)
def test_real_texts_are_fixed_points_and_map_back(path) -> None:  # noqa: ANN001
    raw = read(path).text
    result = normalize(raw)
    assert normalize_text(result.text) == result.text
    positions = [result.to_raw(i) for i in range(0, len(result.text) + 1, 97)]
    assert positions == sorted(positions) and all(0 <= p <= len(raw) for p in positions)


# --- properties ---------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "Ủy ban nhân dân", "hoà", "thuý", "quý", "khoẻ", "Chỉ thị số 36-CT/TW", "36-\nCT/TW", "giải\n\npháp",
    "**", "*", "#", "## ", "|", " | ", "---", "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u00a0", "\u200b",
    "<sup>1</sup>", "<br>", "<td>", "</tr>", "&amp;", "&nbsp;", "&#7879;", "e\u0302\u0323", "I. ", "1.1. ",
    "a) ", "- ", "+ ", "12", "--- PAGE BREAK ---", "Trang 2", ".", ",", ";", ":", "(", ")", "/", "-",
])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_normalize_is_idempotent_and_maps_back(raw: str) -> None:
    result = normalize(raw)
    text = result.text
    assert normalize_text(text) == text
    positions = [result.to_raw(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)
    assert all(0 <= p <= len(raw) for p in positions)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["1", "/", " ", "số ", "*", "-\n", "\n"]))
def test_normalize_stays_fast_on_long_runs(count: int, piece: str) -> None:
    import time

    started = time.perf_counter()
    normalize(piece * count)
    assert time.perf_counter() - started < 2.0


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩị"
                                  "óòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ,.;:\n0123456789")),
    min_size=1,
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_VIETNAMESE)
def test_utf8_and_utf16_round_trip(text: str) -> None:
    assert decode_text(text.encode("utf-8"))[0] == text
    assert decode_text(text.encode("utf-16"))[0] == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text


@settings(max_examples=200, deadline=None)
@given(_VIETNAMESE)
def test_cp1258_round_trips_up_to_nfc(text: str) -> None:
    import sys

    sys.path.insert(0, str(RAW.parents[1] / "scripts"))
    from make_fixtures import encode_cp1258

    data = encode_cp1258(text)
    decoded, warnings = decode_text(data)
    if data.isascii():
        assert decoded == text
    elif not warnings:  # a confident guess must be the right one
        assert unicodedata.normalize("NFC", decoded) == unicodedata.normalize("NFC", text)


def test_confident_cp1258_on_real_text() -> None:
    import sys

    sys.path.insert(0, str(RAW.parents[1] / "scripts"))
    from make_fixtures import encode_cp1258

    text = normalize_text(read(SEED_000).text)
    decoded, warnings = decode_text(encode_cp1258(text))
    assert warnings == [] and unicodedata.normalize("NFC", decoded) == text


@pytest.mark.parametrize(
    ("text", "low"),
    [("Ủy ban nhân dân tỉnh Đồng Tháp được giao", False), ("Viá»‡t Nam Ä‘Æ°á»£c", True),
     ("Viêòt Nam ðýõòc", True)],
)
def test_vietnamese_score_separates_mojibake(text: str, low: bool) -> None:
    assert (vietnamese_score(text) < 0.8) is low
