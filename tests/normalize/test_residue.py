"""Tests for normalize.residue: boilerplate lines, trailing blocks, captions and source tags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.residue import Residue, is_caption, split_source_tag, strip_residue

OPENING = (
    "Chiều 28/6, Ban Tổ chức Trung ương tổ chức Hội nghị giao ban trực tuyến khu vực phía Bắc "
    "nhằm đánh giá kết quả công tác tổ chức xây dựng Đảng 6 tháng đầu năm."
)
CLOSING = (
    "Đồng chí yêu cầu Ban Tổ chức cấp ủy các cấp tiếp tục thực hiện tốt công tác tham mưu "
    "trong 6 tháng cuối năm 2021."
)
MIDDLE = (
    "Báo cáo cho thấy, 6 tháng đầu năm 2021, trong bối cảnh đại dịch Covid-19 diễn biến phức tạp, "
    "các Ban tổ chức Tỉnh ủy, Thành ủy đã chủ động tham mưu thực hiện hiệu quả nhiệm vụ."
)


@pytest.mark.parametrize(
    "line",
    [
        "Viết bình luận",
        "Họ tên:(*)",
        "Số điện thoại:",
        "Tiêu đề:(*)",
        "Nội dung:(*)",
        "Mã xác nhận: \xa0\xa0\xa0 \xa0\xa0\xa0 L?y l?i m\ufffd b?o m?t",
        "L?y l?i m\ufffd b?o m?t",
        "Mã an toàn: Thay mới",
        "Thiết lập lại",
        "reset captcha",
        "Gửi bình luận Nhập lại",
        "Ý kiến bạn đọc - Gửi bình luận",
        "Gửi bình luận của bạn",
        "Tổng số điểm của bài viết là: 14 trong 3 đánh giá",
        "Click để đánh giá bài viết",
        "Xếp hạng: 4,7 - 3 phiếu bầu",
        "Các bài mới đăng",
        "Các bài đã đăng :",
        "Những tin mới hơn",
        "Những tin cũ hơn",
        "Theo dòng sự kiện",
        "Tin liên quan",
        "TIN LIÊN QUAN KHÁC",
        "Tin mới",
        "In bài này",
        "Gửi bài này  In bài này",
        "In ra",
        "Lưu bài viết này",
        "Giới thiệu bài viết cho bạn bè",
        "Lượt xem: 123",
        "24114 Lượt xem",
        "Lượt truy cập: 1.234",
        "Lên top",
        "Về đầu",
        "Xem tiếp...",
        "Bài viết Xem",
        "Tags: giao ban, công tác tổ chức",
    ],
)
def test_boilerplate_line_is_dropped_whole(line: str) -> None:
    result = strip_residue([OPENING, line, MIDDLE, CLOSING])
    assert result == Residue(
        paragraphs=[OPENING, MIDDLE, CLOSING], captions=[], dropped=[line.strip()]
    )


@pytest.mark.parametrize(
    "line",
    [
        "Lượt xem bài viết tăng mạnh trong tháng 6, theo thống kê của tòa soạn.",
        "Tin mới nhận được cho biết hội nghị sẽ kéo dài hai ngày.",
        "In ấn tài liệu được chuẩn bị chu đáo.",
        "Nội dung hội nghị tập trung vào công tác cán bộ.",
        "Số điện thoại đường dây nóng của Ban là 0222.3822.123.",
        "Email: toasoan@baobacninh.vn",
        "Ảnh hưởng của dịch Covid-19 khiến hội nghị phải tổ chức trực tuyến.",
        "Triển lãm trưng bày 200 bức ảnh tư liệu quý về Đảng bộ tỉnh.",
        "Các đại biểu đã chụp ảnh lưu niệm: đây là truyền thống của hội nghị.",
        "Đồng chí hỏi: Vì sao tiến độ còn chậm?",
        "Bình luận về kết quả này, đồng chí Bí thư cho rằng cần cố gắng hơn.",
        "Trọng Toàn",
        "Theo TTXVN",
    ],
)
def test_ordinary_line_is_kept(line: str) -> None:
    result = strip_residue([OPENING, line, CLOSING])
    assert result == Residue(paragraphs=[OPENING, line, CLOSING], captions=[], dropped=[])


@pytest.mark.parametrize(
    "line",
    [
        "(Ảnh: XM)",
        "(Ảnh: XM).",
        "Ảnh: Viết Thành",
        "Ảnh minh họa",
        "Ảnh minh hoạ",
        "(Ảnh minh họa)",
        "Ảnh minh họa: Internet",
        "Ảnh 1: Quang cảnh hội nghị tại điểm cầu tỉnh",
        "Phó Bí thư Thường trực Tỉnh ủy Bắc Ninh phát biểu tại điểm cầu tỉnh. (Ảnh: XM).",
        "Quang cảnh hội nghị (ảnh: Trọng Toàn)",
        "Quang cảnh hội nghị. Ảnh: Viết Thành",
        "Các đại biểu dự hội nghị - Ảnh: T.Hương",
        "Đồng chí Trương Thị Mai phát biểu. Ảnh: VGP/Nhật Bắc",
    ],
)
def test_caption_goes_to_captions(line: str) -> None:
    result = strip_residue([OPENING, line, CLOSING])
    assert result == Residue(paragraphs=[OPENING, CLOSING], captions=[line], dropped=[])
    assert is_caption(line)


def test_caption_repeated_in_a_row_leaves_the_body_once() -> None:
    caption = "Quang cảnh hội nghị tại điểm cầu tỉnh"
    result = strip_residue([OPENING, caption, caption, CLOSING])
    assert result == Residue(paragraphs=[OPENING, CLOSING], captions=[caption], dropped=[caption])


def test_marked_caption_repeated_is_taken_once() -> None:
    caption = "Quang cảnh hội nghị. (Ảnh: XM)"
    result = strip_residue([OPENING, caption, caption, caption, CLOSING])
    assert result == Residue(
        paragraphs=[OPENING, CLOSING], captions=[caption], dropped=[caption, caption]
    )


@pytest.mark.parametrize(
    ("tail", "dropped"),
    [
        (
            ["Các bài mới đăng", "Hội nghị Ban Chấp hành Đảng bộ tỉnh (27/06/2021)", "Xem tiếp"],
            ["Các bài mới đăng", "Hội nghị Ban Chấp hành Đảng bộ tỉnh (27/06/2021)", "Xem tiếp"],
        ),
        (
            ["", "Ý kiến bạn đọc", "Bài viết rất hay, cảm ơn tòa soạn.", "\xa0", "Gửi"],
            ["Ý kiến bạn đọc", "Bài viết rất hay, cảm ơn tòa soạn.", "Gửi"],
        ),
        (
            ["Tin liên quan", "Thái Nguyên: Giao ban công tác tổ chức tháng 7"],
            ["Tin liên quan", "Thái Nguyên: Giao ban công tác tổ chức tháng 7"],
        ),
        (
            ["Đọc nhiều nhất", "Đổi mới phương thức lãnh đạo của Đảng trong điều kiện mới"],
            ["Đọc nhiều nhất", "Đổi mới phương thức lãnh đạo của Đảng trong điều kiện mới"],
        ),
    ],
)
def test_stop_marker_near_the_end_cuts_the_rest(tail: list[str], dropped: list[str]) -> None:
    result = strip_residue([OPENING, CLOSING, "Trọng Toàn", *tail])
    expected = Residue(paragraphs=[OPENING, CLOSING, "Trọng Toàn"], captions=[], dropped=dropped)
    assert result == expected


def test_stop_marker_at_the_top_drops_only_its_line() -> None:
    result = strip_residue(["Tin liên quan", OPENING, CLOSING])
    assert result == Residue(paragraphs=[OPENING, CLOSING], captions=[], dropped=["Tin liên quan"])


def test_blank_lines_go_and_lines_are_stripped() -> None:
    result = strip_residue(["", " \xa0", f"\xa0{OPENING} ", "\xa0 \xa0", CLOSING])
    assert result == Residue(paragraphs=[OPENING, CLOSING], captions=[], dropped=[])


def test_words_inside_a_sentence_are_never_deleted() -> None:
    line = "Sau phần Ý kiến bạn đọc, tòa soạn In bài này và Gửi bình luận cho các cơ quan."
    assert strip_residue([OPENING, line]).paragraphs == [OPENING, line]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("HNP - Chiều 28/6, Ban Tổ chức Trung ương", ("HNP", "Chiều 28/6, Ban Tổ chức Trung ương")),
        ("(BTV) Sáng 10/7, tại Hà Nội", ("BTV", "Sáng 10/7, tại Hà Nội")),
        ("(ĐCSVN) - Sáng nay, tại Hà Nội", ("ĐCSVN", "Sáng nay, tại Hà Nội")),
        ("TCCS - Trong những năm qua", ("TCCS", "Trong những năm qua")),
        ("TCCSĐT - Ngày 5/7", ("TCCSĐT", "Ngày 5/7")),
        ("(BBNĐT) Chiều 28/6", ("BBNĐT", "Chiều 28/6")),
        ("(LLCT) - Tóm tắt: Bài viết", ("LLCT", "Tóm tắt: Bài viết")),
        ("VNTN - Sáng 3/8", ("VNTN", "Sáng 3/8")),
        ("(BNTV) Chiều 9/7", ("BNTV", "Chiều 9/7")),
        ("ND - Sáng 9/7", ("ND", "Sáng 9/7")),
        ("Kinhtedothi - Chiều 9/7", ("Kinhtedothi", "Chiều 9/7")),
        ("(Chinhphu.vn) - Sáng 9/7", ("Chinhphu.vn", "Sáng 9/7")),
        ("HNP – Chiều 28/6", ("HNP", "Chiều 28/6")),
        ("  HNP - Chiều 28/6  ", ("HNP", "Chiều 28/6")),
    ],
)
def test_source_tag_is_split_from_the_lead(lead: str, expected: tuple[str, str]) -> None:
    assert split_source_tag(lead) == expected


@pytest.mark.parametrize(
    "lead",
    [
        "Chiều 28/6, Ban Tổ chức Trung ương tổ chức hội nghị.",
        "Hà Nội - Chiều 28/6, hội nghị đã diễn ra.",
        "COVID-19 - đại dịch của thế kỷ",
        "Sáng - chiều 28/6, hội nghị diễn ra liên tục.",
        "Trong - ngoài nước đều quan tâm.",
        "2021 - năm bản lề của nhiệm kỳ",
        "(Tiếp theo kỳ trước) Ngày 5/7",
        "(Ảnh: XM) Chiều 28/6",
        "UBND tỉnh đã ban hành kế hoạch.",
        "",
    ],
)
def test_ordinary_lead_has_no_tag(lead: str) -> None:
    assert split_source_tag(lead) == (None, lead)


VOCABULARY = st.sampled_from(
    ["Ảnh", ":", "XM", "(", ")", "Tin mới", "Gửi bình luận", "Trọng", "Toàn", ".", "Theo",
     "hội nghị", "L?y", "m\ufffd", "In", "123", "Lượt xem", ",", "-", "\xa0", "Ý kiến bạn đọc",
     "Họ tên", "(*)", "Mã xác nhận", "Các bài mới đăng"]
)
LINES = st.lists(
    st.one_of(st.text(max_size=60), st.lists(VOCABULARY, max_size=8).map(" ".join)), max_size=12
)


@given(LINES)
def test_strip_residue_is_idempotent(paragraphs: list[str]) -> None:
    once = strip_residue(paragraphs)
    twice = strip_residue(once.paragraphs)
    assert twice == Residue(paragraphs=once.paragraphs, captions=[], dropped=[])


@given(st.text())
def test_split_source_tag_never_raises(lead: str) -> None:
    tag, rest = split_source_tag(lead)
    assert tag is None or tag in lead
    assert rest in lead
