"""The five seed texts through strip_residue then split_byline: bylines, clean bodies, captions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from normalize.bylines import Byline, split_byline
from normalize.residue import Residue, strip_residue

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

BOILERPLATE = (
    "Viết bình luận",
    "Họ tên:(*)",
    "Số điện thoại:",
    "Tiêu đề:(*)",
    "Nội dung:(*)",
    "Mã xác nhận",
    "L?y l?i m\ufffd b?o m?t",
    "\ufffd",
    "Ý kiến bạn đọc",
    "Gửi bình luận",
    "reset captcha",
    "Nhập lại",
    "Các bài mới đăng",
    "Các bài đã đăng",
    "Bài viết Xem",
    "(Ảnh: XM)",
)

CAPTION_000 = (
    "Phó Bí thư Thường trực Tỉnh ủy Bắc Ninh, Nguyễn Quốc Chung phát biểu chỉ đạo tại điểm cầu "
    "tỉnh. (Ảnh: XM)."
)

@dataclass(frozen=True)
class SeedCase:
    """What one seed must give: byline, body shape, captions and dropped lines."""

    prefix: str
    authors: list[str]
    raw: str
    count: int
    first: str
    last: str
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


CASES = [
    SeedCase(
        "000", ["QM"], "QM", 4,
        "Cụ thể, chiều 28/6, tại Hà Nội, Ban Tổ chức T.Ư tổ chức hội nghị trực tuyến",
        "hoàn thành tốt nhiệm vụ đề ra trong 6 tháng cuối năm và cả năm 2021./.",
        captions=[CAPTION_000],
    ),
    SeedCase(
        "001", ["Trọng Toàn"], "Trọng Toàn", 12,
        "Giao ban trực tuyến công tác tổ chức xây dựng Đảng các tỉnh, thành phố khu vực phía Bắc",
        "sớm có văn bản trình Ban Bí thư trong thời gian tới.",
        dropped=[
            "Các bài mới đăng", "Các bài đã đăng :", "Bài viết Xem", "Viết bình luận",
            "Họ tên:(*)", "Số điện thoại:", "Tiêu đề:(*)", "Nội dung:(*)",
            "Mã xác nhận: \xa0\xa0\xa0 \xa0\xa0\xa0 L?y l?i m\ufffd b?o m?t",
        ],
    ),
    SeedCase(
        "002", ["Duy Phương"], "Duy Phương.", 4,
        "Chiều 3-8, Ban Tổ chức Trung ương đã tổ chức Hội nghị giao ban trực tuyến",
        "đẩy mạnh tuyên truyền về công tác xây dựng Đảng…",
    ),
    SeedCase(
        "003", ["P.Hoa", "Q.Hưng"], "P.Hoa, Q.Hưng", 5,
        "Hội nghị giao ban trực tuyến đánh giá kết quả tham mưu thực hiện Chỉ thị số 35",
        "giải quyết kịp thời, đúng quy định những vấn đề phát sinh trước Đại hội.",
        dropped=["Ý kiến bạn đọc - Gửi bình luận", "Gửi bình luận", "reset captcha",
                 "Gửi bình luận Nhập lại"],
    ),
    SeedCase(
        "004", ["Hoàng Biên"], "HOÀNG BIÊN", 7,
        "Tập trung tham mưu xây dựng đề án nhân sự cấp ủy cấp huyện",
        "đã có 5 trong tổ số 15 đơn vị hoàn thành Đại hội Đảng bộ cấp trên cơ sở.",
    ),
]
PREFIXES = [case.prefix for case in CASES]


def _seed_lines(prefix: str) -> list[str]:
    assert SEEDS.is_dir(), f"seed texts missing: {SEEDS} (CI always has shared/seeds)"
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert len(matches) == 1, f"expected one seed {prefix}_*.txt in {SEEDS}, found {matches}"
    return matches[0].read_text(encoding="utf-8").split("\n")


def _run(prefix: str) -> tuple[Residue, list[str], Byline]:
    residue = strip_residue(_seed_lines(prefix))
    body, byline = split_byline(residue.paragraphs)
    return residue, body, byline


def test_all_five_seeds_are_present() -> None:
    assert SEEDS.is_dir(), f"seed texts missing: {SEEDS} (CI always has shared/seeds)"
    assert sorted(path.name[:3] for path in SEEDS.glob("*.txt")) == PREFIXES


@pytest.mark.parametrize("case", CASES, ids=PREFIXES)
def test_seed_is_split_into_body_byline_and_residue(case: SeedCase) -> None:
    residue, body, byline = _run(case.prefix)
    assert byline == Byline(authors=case.authors, source=None, raw=case.raw)
    assert residue.captions == case.captions
    assert residue.dropped == case.dropped
    assert len(body) == case.count
    assert body[0].startswith(case.first)
    assert body[-1].endswith(case.last)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_seed_body_is_free_of_boilerplate(prefix: str, boilerplate: str) -> None:
    _residue, body, byline = _run(prefix)
    assert not any(boilerplate in paragraph for paragraph in body)
    assert byline.raw not in body


def test_seed_001_keeps_its_lead_with_the_source_tag() -> None:
    _residue, body, _byline = _run("001")
    assert body[1].startswith("HNP - Chiều 28/6, Ban Tổ chức Trung ương tổ chức Hội nghị")
