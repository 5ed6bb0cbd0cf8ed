"""Vietnamese party-news phrases for titles, leads and bodies (written for this site)."""

from __future__ import annotations

PROVINCE = "Thái Sơn"
"""The fictional province whose party portal the test site imitates."""

PLACES = (
    "huyện Đông Sơn",
    "huyện Phú Lương",
    "huyện Tân Lạc",
    "huyện Yên Hòa",
    "thị xã Sông Cầu",
    "thành phố Thái Sơn",
    "huyện Lâm Bình",
    "huyện Kim Thủy",
    "huyện Bắc Quang",
    "thị xã Hòa Thành",
)

ORGANS = (
    "Ban Thường vụ Tỉnh ủy",
    "Ban Chấp hành Đảng bộ tỉnh",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Đảng ủy Khối các cơ quan tỉnh",
    "Đảng ủy Khối Doanh nghiệp tỉnh",
)

PEOPLE = (
    "đồng chí Nguyễn Văn Hùng, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy",
    "đồng chí Trần Thị Mai, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
    "đồng chí Lê Quang Vinh, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    "đồng chí Phạm Đức Thắng, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy",
    "đồng chí Hoàng Minh Tuấn, Bí thư Huyện ủy",
    "đồng chí Vũ Thị Hương, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy",
    "đồng chí Đặng Quốc Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
)

RESOLUTIONS = (
    "Nghị quyết Trung ương 4 khóa XII",
    "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Nghị quyết số 21-NQ/TW về tăng cường củng cố, xây dựng tổ chức cơ sở đảng",
    "Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
    "Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp",
    "Nghị quyết số 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng",
)

TITLE_PATTERNS = (
    "{organ} quán triệt {resolution} tại {place}",
    "Hội nghị {organ} lần thứ {n} đánh giá công tác 6 tháng đầu năm {year}",
    "Kết nạp {n} đảng viên mới trong quý {quarter} năm {year} ở {place}",
    "Nâng cao chất lượng sinh hoạt chi bộ ở {place} năm {year}",
    "{organ} giám sát chuyên đề tại {place} (đợt {n})",
    "Sơ kết {months} tháng thực hiện {resolution} ở {place}",
    "Tổng kết công tác xây dựng Đảng năm {year} tại {place}",
    "Bồi dưỡng lý luận chính trị cho {n} quần chúng ưu tú ở {place}",
)

LEADS = (
    "Nhằm đánh giá kết quả thực hiện nhiệm vụ chính trị, {organ} đã tổ chức hội nghị "
    "với sự tham dự của {n} đại biểu là bí thư các chi bộ, đảng bộ cơ sở tại {place}.",
    "Thực hiện {resolution}, trong năm {year}, các cấp ủy đảng ở {place} đã triển "
    "khai đồng bộ nhiều giải pháp, tạo chuyển biến rõ nét trong công tác xây dựng "
    "Đảng.",
    "Với tinh thần đoàn kết, dân chủ, kỷ cương, đảng bộ {place} đã hoàn thành toàn "
    "diện các chỉ tiêu nghị quyết đề ra, trong đó có {n} chỉ tiêu vượt kế hoạch.",
    "Công tác kiểm tra, giám sát năm {year} được {organ} triển khai chặt chẽ, đúng "
    "quy định, góp phần giữ nghiêm kỷ luật, kỷ cương trong Đảng.",
)

SENTENCES = (
    "Phát biểu chỉ đạo hội nghị, {person} đề nghị các cấp ủy tiếp tục quán triệt sâu "
    "sắc {resolution}.",
    "Theo báo cáo, trong {months} tháng qua, toàn đảng bộ {place} đã kết nạp {n} đảng"
    " viên mới, đạt {pct}% kế hoạch năm.",
    "Các chi bộ duy trì nền nếp sinh hoạt định kỳ, nội dung sinh hoạt ngày càng thiết"
    " thực, gắn với nhiệm vụ chính trị của từng địa phương, cơ quan, đơn vị.",
    "{organ} đã tiến hành kiểm tra {n} tổ chức đảng và {n2} đảng viên khi có dấu hiệu vi phạm.",
    "Công tác tuyên truyền, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
    "Minh được đẩy mạnh, tạo sức lan tỏa sâu rộng trong cán bộ, đảng viên và nhân "
    "dân.",
    "Hội nghị thống nhất cao với dự thảo báo cáo chính trị trình đại hội đảng bộ "
    "{place} nhiệm kỳ {term}.",
    "Tỷ lệ tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên đạt "
    "{pct}%, tăng so với cùng kỳ năm trước.",
    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế như việc phát "
    "triển đảng viên trong doanh nghiệp ngoài nhà nước còn chậm, chất lượng sinh hoạt"
    " ở một số chi bộ chưa cao.",
    "{person} yêu cầu các cấp ủy phát huy vai trò tiên phong, gương mẫu của người "
    "đứng đầu, kiên quyết đấu tranh phòng, chống suy thoái về tư tưởng chính trị, đạo"
    " đức, lối sống.",
    "Dịp này, {organ} đã trao tặng Huy hiệu {years} năm tuổi Đảng cho {n} đảng viên tiêu biểu.",
    "Thời gian tới, đảng bộ {place} tập trung thực hiện tốt công tác cán bộ, chuẩn bị"
    " nhân sự cấp ủy nhiệm kỳ {term} bảo đảm đúng quy trình, dân chủ, khách quan.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết về giải pháp nâng cao"
    " năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng.",
    "Cũng trong năm {year}, {organ} đã ban hành {n} văn bản chỉ đạo, hướng dẫn các "
    "cấp ủy trực thuộc triển khai nhiệm vụ trọng tâm.",
    "Việc thực hiện quy chế dân chủ ở cơ sở được quan tâm, “dân biết, dân bàn, dân "
    "làm, dân kiểm tra, dân giám sát, dân thụ hưởng” được cụ thể hóa bằng những việc "
    "làm thiết thực.",
    "Đến nay, toàn đảng bộ {place} có {n3} đảng viên, sinh hoạt tại {n} chi bộ, đảng bộ cơ sở.",
    "Ủy ban Kiểm tra các cấp đã thi hành kỷ luật {n2} đảng viên, trong đó khiển trách"
    " {n4} trường hợp, cảnh cáo {n5} trường hợp.",
    "Hội nghị đã nghe báo cáo tóm tắt kết quả lấy ý kiến đóng góp vào dự thảo các văn"
    " kiện trình Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
    "Kết thúc hội nghị, {person} ghi nhận và biểu dương những kết quả mà các cấp ủy "
    "đã đạt được trong năm {year}.",
    "Công tác bảo vệ chính trị nội bộ được tăng cường; việc rà soát, bổ sung quy "
    "hoạch cán bộ các cấp được thực hiện đúng quy trình, bảo đảm tính kế thừa.",
    "Đảng bộ {place} đã chỉ đạo {n} chi bộ thôn, tổ dân phố tổ chức sinh hoạt chuyên "
    "đề về nâng cao đạo đức cách mạng, chống chủ nghĩa cá nhân.",
    "Nhiều mô hình hay, cách làm sáng tạo trong công tác dân vận được nhân rộng, góp "
    "phần củng cố khối đại đoàn kết toàn dân tộc ở cơ sở.",
    "Về nhiệm vụ thời gian tới, hội nghị xác định {n} nhóm giải pháp trọng tâm, trong"
    " đó ưu tiên nâng cao chất lượng đội ngũ cán bộ, đảng viên.",
    "Ban Thường vụ Tỉnh ủy đã tổ chức {n} đoàn kiểm tra việc lãnh đạo, chỉ đạo thực "
    "hiện nghị quyết tại các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc.",
    "Việc học tập, quán triệt nghị quyết được thực hiện nghiêm túc với tỷ lệ cán bộ, "
    "đảng viên tham gia đạt {pct}%.",
    "Cấp ủy các cấp đã tập trung lãnh đạo phát triển kinh tế - xã hội, bảo đảm quốc "
    "phòng, an ninh, giữ vững ổn định chính trị trên địa bàn.",
    "Đến hết năm {year}, toàn tỉnh có {n3} đảng viên được miễn sinh hoạt đảng và công"
    " tác theo quy định của Điều lệ Đảng.",
)

CAPTIONS = (
    "Quang cảnh hội nghị.",
    "{person_short} phát biểu chỉ đạo tại hội nghị. (Ảnh: {credit})",
    "Các đại biểu dự hội nghị tại điểm cầu {place}.",
    "{person_short} trao Huy hiệu Đảng cho các đảng viên. (Ảnh: {credit})",
    "Đại biểu biểu quyết thông qua nghị quyết hội nghị.",
)

CREDITS = (
    "XM",
    "TL",
    "Minh Anh",
    "PV",
)

DATELINE_PARTS = (
    "Sáng",
    "Chiều",
    "Tối",
    "Trưa",
    "Ngày",
)
"""Openers of a body dateline ('Chiều 28/6, …'); 'Ngày' carries no part of day."""

BYLINE_PARAGRAPHS = (
    (
        "QM",
        ("QM",),
    ),
    (
        "HOÀNG BIÊN",
        ("Hoàng Biên",),
    ),
    (
        "P.Hoa, Q.Hưng",
        (
            "P.Hoa",
            "Q.Hưng",
        ),
    ),
    (
        "Trọng Toàn",
        ("Trọng Toàn",),
    ),
    (
        "THU HÀ",
        ("Thu Hà",),
    ),
)
"""Bylines printed as the last body paragraph, with the authors stored (capitals title-cased)."""

AUTHOR_FIELDS = (
    (
        "Minh Anh",
        ("Minh Anh",),
    ),
    (
        "Nguyễn Văn Long",
        ("Nguyễn Văn Long",),
    ),
    (
        "Thu Hà, Đức Thành",
        (
            "Thu Hà",
            "Đức Thành",
        ),
    ),
    (
        "Ngọc Lan",
        ("Ngọc Lan",),
    ),
)
"""Values of NukeViet's 'Tác giả:' field, with the authors they name."""

SOURCES = (
    "Báo Thái Sơn",
    "Ban Tuyên giáo Tỉnh ủy",
    "Trung tâm Truyền thông tỉnh",
)
"""Values of NukeViet's 'Nguồn tin:' field."""

SOURCE_TAGS = (
    "HNP",
    "BTS",
    "TS",
    "BTV",
)
"""Lead source tags of the provincial portal ('BTS - Nhằm …')."""

TAGS = (
    (
        "xay-dung-dang",
        "xây dựng Đảng",
    ),
    (
        "dang-vien",
        "đảng viên",
    ),
    (
        "nghi-quyet",
        "nghị quyết",
    ),
    (
        "kiem-tra-giam-sat",
        "kiểm tra giám sát",
    ),
    (
        "chi-bo",
        "chi bộ",
    ),
    (
        "dai-hoi-dang",
        "đại hội Đảng",
    ),
    (
        "cong-tac-can-bo",
        "công tác cán bộ",
    ),
    (
        "hoc-tap-va-lam-theo-bac",
        "học tập và làm theo Bác",
    ),
    (
        "dan-van",
        "dân vận",
    ),
    (
        "tuyen-giao",
        "tuyên giáo",
    ),
)
"""(alias, display name) of the site's tags."""
