"""Tests for normalize.bylines: trailing bylines, source lines and author names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.bylines import Byline, parse_authors, split_byline

LAST = (
    "Đồng chí yêu cầu Ban Tổ chức cấp ủy các cấp tiếp tục thực hiện tốt công tác tham mưu "
    "trong 6 tháng cuối năm 2021."
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (["QM"], Byline(authors=["QM"], raw="QM")),
        (["Trọng Toàn"], Byline(authors=["Trọng Toàn"], raw="Trọng Toàn")),
        (["Duy Phương."], Byline(authors=["Duy Phương"], raw="Duy Phương.")),
        (["P.Hoa, Q.Hưng"], Byline(authors=["P.Hoa", "Q.Hưng"], raw="P.Hoa, Q.Hưng")),
        (["HOÀNG BIÊN"], Byline(authors=["Hoàng Biên"], raw="HOÀNG BIÊN")),
        (["TS NGUYỄN MẠNH HÙNG"], Byline(authors=["Nguyễn Mạnh Hùng"], raw="TS NGUYỄN MẠNH HÙNG")),
        (["Nguyễn A - Trần B"], Byline(authors=["Nguyễn A", "Trần B"], raw="Nguyễn A - Trần B")),
        (
            ["Tác giả: Nguyễn Văn A"],
            Byline(authors=["Nguyễn Văn A"], raw="Tác giả: Nguyễn Văn A"),
        ),
        (["Bài và ảnh: Minh Anh"], Byline(authors=["Minh Anh"], raw="Bài và ảnh: Minh Anh")),
        (["Theo TTXVN"], Byline(source="TTXVN", raw="Theo TTXVN")),
        (["(Theo VOV)"], Byline(source="VOV", raw="(Theo VOV)")),
        (
            ["Nguồn tin: Ban Tổ chức Tỉnh ủy"],
            Byline(source="Ban Tổ chức Tỉnh ủy", raw="Nguồn tin: Ban Tổ chức Tỉnh ủy"),
        ),
        (["Nguồn: dangcongsan.vn"], Byline(source="dangcongsan.vn", raw="Nguồn: dangcongsan.vn")),
        (
            ["Trọng Toàn", "", "Theo Báo Hà Nội mới"],
            Byline(
                authors=["Trọng Toàn"],
                source="Báo Hà Nội mới",
                raw="Trọng Toàn\nTheo Báo Hà Nội mới",
            ),
        ),
        (
            ["Trọng Toàn - TTXVN"],
            Byline(authors=["Trọng Toàn"], source="TTXVN", raw="Trọng Toàn - TTXVN"),
        ),
        (["TTXVN"], Byline(source="TTXVN", raw="TTXVN")),
        (["PV"], Byline(raw="PV")),
        (["BTV"], Byline(raw="BTV")),
        (["Nhóm PV"], Byline(raw="Nhóm PV")),
        (["", "\xa0QM\xa0", "", " "], Byline(authors=["QM"], raw="QM")),
    ],
)
def test_byline_is_taken_from_the_end(tail: list[str], expected: Byline) -> None:
    assert split_byline([LAST, *tail]) == ([LAST], expected)


def test_body_keeps_inner_blank_lines_and_loses_the_trailing_ones() -> None:
    body, byline = split_byline(["Mở đầu.", "", LAST, "", "", "QM"])
    assert body == ["Mở đầu.", "", LAST]
    assert byline == Byline(authors=["QM"], raw="QM")


@pytest.mark.parametrize(
    "tail",
    [
        ["Hội nghị kết thúc tốt đẹp."],
        ["Theo đánh giá, kết quả rất tốt."],
        ["Theo Báo Nhân Dân, hội nghị đã thành công"],
        ["Nguyễn Văn A, Ủy viên Ban Thường vụ Tỉnh ủy"],
        ["Nguyễn Văn Anh Minh Tuấn Hùng"],
        ["Lượt xem: 123"],
        ["Tin: Hội nghị đã thành công."],
        ["Ngày 28/6/2021"],
        ["Hà Nội, ngày 28 tháng 6 năm 2021"],
        ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", "Phạm Văn D"],
        [],
    ],
)
def test_real_last_lines_stay_in_the_body(tail: list[str]) -> None:
    paragraphs = [LAST, *tail]
    assert split_byline(paragraphs) == (paragraphs, Byline())


def test_a_text_of_names_only_is_left_alone() -> None:
    assert split_byline(["QM"]) == (["QM"], Byline())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tác giả: Nguyễn Văn A", ["Nguyễn Văn A"]),
        ("Tác giả: Duy Phương.", ["Duy Phương"]),
        ("HOÀNG BIÊN", ["Hoàng Biên"]),
        ("NGUYỄN VĂN A", ["Nguyễn Văn A"]),
        ("P.Hoa, Q.Hưng", ["P.Hoa", "Q.Hưng"]),
        ("Nguyễn A - Trần B", ["Nguyễn A", "Trần B"]),
        ("Nguyễn Văn A và Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]),
        ("TS NGUYỄN MẠNH HÙNG", ["Nguyễn Mạnh Hùng"]),
        ("PGS.TS Nguyễn Văn A", ["Nguyễn Văn A"]),
        ("PGS, TS NGUYỄN VĂN A - Viện trưởng Viện Xây dựng Đảng", ["Nguyễn Văn A"]),
        ("Đại tá Nguyễn Văn B", ["Nguyễn Văn B"]),
        ("Nguyễn Văn A (Ban Tuyên giáo Tỉnh ủy)", ["Nguyễn Văn A"]),
        ("Nguyễn Văn A, Nguyễn Văn A", ["Nguyễn Văn A"]),
        ("Trọng Toàn - TTXVN", ["Trọng Toàn"]),
        ("VGP/Nhật Bắc", ["Nhật Bắc"]),
        ("H'Hen Niê", ["H'Hen Niê"]),
        ("QM", ["QM"]),
        ("PV", []),
        ("TTXVN", []),
        ("Tác giả:", []),
        ("", []),
    ],
)
def test_parse_authors(raw: str, expected: list[str]) -> None:
    assert parse_authors(raw) == expected


VOCABULARY = st.sampled_from(
    ["Trọng", "Toàn", "QM", "P.Hoa", ",", "-", "Theo", "TTXVN", "Nguồn:", "Tác giả:", "HOÀNG",
     "BIÊN", "PV", ".", "hội nghị", "", "\xa0", "(", ")", "TS", "và"]
)
LINES = st.lists(
    st.one_of(st.text(max_size=40), st.lists(VOCABULARY, max_size=6).map(" ".join)), max_size=10
)


@given(LINES)
def test_split_byline_is_idempotent(paragraphs: list[str]) -> None:
    body, _byline = split_byline(paragraphs)
    assert split_byline(body) == (body, Byline())


@given(st.text())
def test_parse_authors_never_raises(raw: str) -> None:
    assert all(name.strip() == name and name for name in parse_authors(raw))
