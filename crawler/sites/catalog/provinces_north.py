"""Party portals and newspapers of the northern provinces, Hà Nội to Ninh Bình (research §2)."""

from __future__ import annotations

from crawler.sites.catalog.build import paper, portal
from crawler.sites.catalog.notes import DOCBAO, GUESSED, NAMED, PUBLIC_CODE, RSS_ONLY

# fmt: off
SITES = (
    # Hà Nội
    portal("Hà Nội", "hanoi.org.vn", "aspnet",
           "per the brief; legacy ASP-style site inferred from seed 001 (tag 'HNP -'); "
           "party services also run under *.hanoi.dcs.vn", seen=False),
    paper("Hà Nội", "hanoimoi.vn", "generic", "stored pages; print view /print/<id>.html",
          seen=True, more=("hanoimoi.com.vn",), name="Báo Hànộimới",
          # byline and time share the '.period' line (docbao's date element): 'Hà Vũ 17/08/2024'
          selectors={"date": ".period", "author": ".period .article__author"}),
    # Unchanged northern provinces
    portal("Lai Châu", "laichau.dcs.vn", "generic", GUESSED, seen=False),
    paper("Lai Châu", "baolaichau.vn", "generic", DOCBAO, seen=True),
    portal("Điện Biên", "dienbien.dcs.vn", "generic", GUESSED, seen=False),
    paper("Điện Biên", "baodienbienphu.info.vn", "generic", DOCBAO, seen=True,
          more=("baodienbienphu.com.vn",), name="Báo Điện Biên Phủ"),
    portal("Sơn La", "sonla.dcs.vn", "generic", GUESSED, seen=False),
    paper("Sơn La", "baosonla.org.vn", "generic", "stored pages (/<cat>/<slug>-<shortid>.html)",
          seen=True),
    portal("Lạng Sơn", "langson.dcs.vn", "generic", GUESSED, seen=False),
    paper("Lạng Sơn", "baolangson.vn", "generic", DOCBAO, seen=True),
    portal("Quảng Ninh", "quangninh.dcs.vn", "generic", NAMED, seen=False),
    paper("Quảng Ninh", "baoquangninh.vn", "generic", f"{DOCBAO} for baoquangninh.com.vn",
          seen=True, more=("baoquangninh.com.vn",)),
    portal("Cao Bằng", "caobang.dcs.vn", "generic", GUESSED, seen=False),
    paper("Cao Bằng", "baocaobang.vn", "generic", DOCBAO, seen=True),
    # Tuyên Quang + Hà Giang
    portal("Tuyên Quang", "tuyenquang.dcs.vn", "aspnet",
           "public code: /DetailView/<id>/<catId>/<Slug>.html", seen=True),
    paper("Tuyên Quang", "baotuyenquang.com.vn", "generic", f"stored pages; {DOCBAO}", seen=True),
    portal("Hà Giang", "hagiang.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hà Giang", "baohagiang.vn", "yyyymm",
          f"stored pages (/<cat>/YYYYMM/<slug>-<id>/); {DOCBAO}", seen=True),
    # Lào Cai + Yên Bái
    portal("Lào Cai", "laocai.dcs.vn", "generic", GUESSED, seen=False),
    paper("Lào Cai", "baolaocai.vn", "generic", RSS_ONLY, seen=False),
    portal("Yên Bái", "yenbai.dcs.vn", "generic", f"{PUBLIC_CODE} (xinykien. sub-site)", seen=True),
    paper("Yên Bái", "baoyenbai.com.vn", "generic", DOCBAO, seen=True),
    # Thái Nguyên + Bắc Kạn
    portal("Thái Nguyên", "thainguyen.dcs.vn", "nukeviet",
           "public code: NukeViet uploads (/uploads/<module>/YYYY_MM/)", seen=True),
    paper("Thái Nguyên", "baothainguyen.vn", "generic", DOCBAO, seen=True,
          more=("baothainguyen.org.vn",)),
    portal("Bắc Kạn", "backan.dcs.vn", "generic", GUESSED, seen=False),
    paper("Bắc Kạn", "baobackan.org.vn", "generic", DOCBAO, seen=True, more=("baobackan.com.vn",)),
    # Phú Thọ + Vĩnh Phúc + Hòa Bình
    portal("Phú Thọ", "phutho.dcs.vn", "aspnet",
           "public code: ASP.NET MVC /ContentDetail/NewsDetailView?NewsId=<GUID>", seen=True),
    paper("Phú Thọ", "baophutho.vn", "generic", DOCBAO, seen=True),
    portal("Vĩnh Phúc", "vinhphuc.dcs.vn", "generic", GUESSED, seen=False),
    paper("Vĩnh Phúc", "baovinhphuc.com.vn", "generic", DOCBAO, seen=True),
    portal("Hòa Bình", "hoabinh.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hòa Bình", "baohoabinh.com.vn", "generic", DOCBAO, seen=True),
    # Bắc Ninh + Bắc Giang
    portal("Bắc Ninh", "bacninh.dcs.vn", "generic",
           "domain per the brief (0 hits in the code index); seed 003 probably from this portal",
           seen=False),
    paper("Bắc Ninh", "baobacninh.com.vn", "liferay",
          "stored pages: Liferay c. 2020 (/web/bbn/…); current CMS unknown", seen=True),
    portal("Bắc Giang", "tinhuybacgiang.org.vn", "generic", "archived pages; CMS unknown",
           seen=True),
    paper("Bắc Giang", "baobacgiang.com.vn", "generic", DOCBAO, seen=True,
          more=("baobacgiang.vn",)),
    # Hưng Yên + Thái Bình
    portal("Hưng Yên", "hungyen.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hưng Yên", "baohungyen.vn", "generic", RSS_ONLY, seen=False),
    portal("Thái Bình", "thaibinh.dcs.vn", "generic", GUESSED, seen=False),
    paper("Thái Bình", "baothaibinh.com.vn", "generic", DOCBAO, seen=True),
    # Hải Phòng + Hải Dương
    portal("Hải Phòng", "haiphong.gov.vn", "aspnet",
           "Thành ủy section of the city government portal in a docbao config (c. 2019); "
           "whether it still publishes, or moved to a .dcs.vn portal, is unknown",
           seen=False, root_url="http://haiphong.gov.vn/Portal/Default.aspx?Organization=TU"),
    paper("Hải Phòng", "baohaiphong.vn", "generic",
          f"{DOCBAO} for baohaiphong.com.vn; baohaiphong.vn in a 2025 news query", seen=True,
          more=("baohaiphong.com.vn",)),
    portal("Hải Dương", "haiduong.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hải Dương", "baohaiduong.vn", "generic",
          "stored pages (seed 004 on m.baohaiduong.vn); articles re-hosted under new URL schemes",
          seen=True,
          # 2025 desktop: one author-date line 'PV•28/01/2025 08:22' (class from the fixture)
          selectors={"date": ".detail-author-time"}),
    # Ninh Bình + Hà Nam + Nam Định
    portal("Ninh Bình", "ninhbinh.dcs.vn", "generic", GUESSED, seen=False),
    paper("Ninh Bình", "baoninhbinh.org.vn", "generic", "stored pages (search listings)",
          seen=True, more=("baoninhbinh.vn",)),
    portal("Hà Nam", "hanam.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hà Nam", "baohanam.com.vn", "generic", RSS_ONLY, seen=False),
    portal("Nam Định", "namdinh.dcs.vn", "generic", GUESSED, seen=False),
    paper("Nam Định", "baonamdinh.com.vn", "generic", DOCBAO, seen=True, more=("baonamdinh.vn",)),
)
# fmt: on
