"""The central party organs and publications (research §2.1)."""

from __future__ import annotations

from crawler.sites.catalog.build import central

NO_PAGE = "no stored page or public code seen"

# fmt: off
SITES = (
    central("dangcongsan.vn", "Báo điện tử Đảng Cộng sản Việt Nam", "dangcongsan",
            "stored pages and public scrapers; provincial channels such as bacninh.dangcongsan.vn "
            "and tulieuvankien./cn. sub-sites share the domain; 2025 ownership change unverified",
            seen=True),
    central("nhandan.vn", "Báo Nhân Dân", "generic",
            "docbao config (nhandan.com.vn, c. 2020) and RSS /rss/home.rss in public code; "
            "also runs daihoidangtoanquoc.vn since Sep 2025",
            seen=True, more=("nhandan.com.vn", "nhandan.org.vn")),
    central("daihoidangtoanquoc.vn", "Đại hội Đảng toàn quốc (Báo Nhân Dân)", "generic",
            f"XIV Congress site run by Nhân Dân since 12 Sep 2025, per a stored report; {NO_PAGE}",
            seen=False),
    central("tapchicongsan.org.vn", "Tạp chí Cộng sản", "liferay",
            "stored pages in four URL generations (Liferay; ASP.NET before 2018)", seen=True),
    central("xaydungdang.org.vn", "Tạp chí Xây dựng Đảng", "generic",
            "stored pages (/<category>/<slug>-<id>); older site was Liferay", seen=True),
    central("tuyengiao.vn", "Ban Tuyên giáo và Dân vận Trung ương", "generic",
            "domain in a public domain list (Ban Tuyên giáo Trung ương until 2025); CMS unknown",
            seen=True),
    central("hoidonglyluan.vn", "Hội đồng Lý luận Trung ương", "generic",
            "domain in a public domain list; CMS unknown", seen=True),
    central("lyluanchinhtri.vn", "Tạp chí Lý luận chính trị", "joomla",
            "stored pages with Joomla/K2 URLs (/home/index.php/<cat>/item/<id>-<slug>.html)",
            seen=True),
    central("dukcqtw.dcs.vn", "Đảng ủy Khối các cơ quan Trung ương", "aspnet",
            "stored pages (/<slug>-duk<id>.aspx)", seen=True),
    central("tapchilichsudang.vn", "Tạp chí Lịch sử Đảng", "generic",
            "start URL of a public scraper; CMS unknown", seen=True),
    central("hochiminh.vn", "Cổng thông tin về Chủ tịch Hồ Chí Minh", "generic",
            "start URL of a public scraper; CMS unknown", seen=True),
    central("noichinh.vn", "Ban Nội chính Trung ương", "generic", NO_PAGE, seen=False),
    central("danvan.vn", "Ban Dân vận Trung ương", "generic",
            f"merged into the Ban Tuyên giáo và Dân vận in 2025; {NO_PAGE}", seen=False),
    central("ubkttw.vn", "Ủy ban Kiểm tra Trung ương", "generic", NO_PAGE, seen=False),
    central("tapchikiemtra.vn", "Tạp chí Kiểm tra (Ủy ban Kiểm tra Trung ương)", "generic",
            NO_PAGE, seen=False),
    central("tcnn.vn", "Tạp chí Tổ chức nhà nước", "generic",
            f"listed with the central commissions by the research; {NO_PAGE}", seen=False),
)
# fmt: on
