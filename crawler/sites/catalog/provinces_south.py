"""Party portals and newspapers from Thanh Hóa to Cà Mau (research §2.2-2.4)."""

from __future__ import annotations

from crawler.sites.catalog.build import paper, portal
from crawler.sites.catalog.notes import (
    DOCBAO,
    GUESSED,
    NAMED,
    NOT_RESEARCHED,
    PUBLIC_CODE,
    RSS_ONLY,
)

# fmt: off
SITES = (
    # Unchanged north-central provinces and Huế
    portal("Thanh Hóa", "thanhhoa.dcs.vn", "generic", f"{PUBLIC_CODE} (spider list)", seen=True),
    paper("Thanh Hóa", "baothanhhoa.vn", "generic", DOCBAO, seen=True),
    portal("Nghệ An", "nghean.dcs.vn", "generic", NAMED, seen=False),
    paper("Nghệ An", "baonghean.vn", "generic", RSS_ONLY, seen=False),
    portal("Hà Tĩnh", "hatinh.dcs.vn", "generic", PUBLIC_CODE, seen=True),
    paper("Hà Tĩnh", "baohatinh.vn", "generic", DOCBAO, seen=True),
    portal("Huế", "hue.dcs.vn", "generic", GUESSED, seen=False),
    paper("Huế", "huengaynay.vn", "generic", f"{DOCBAO} for the former baothuathienhue.vn",
          seen=True, more=("baothuathienhue.vn",), name="Báo Huế Ngày Nay"),
    # Quảng Trị + Quảng Bình
    portal("Quảng Trị", "quangtri.dcs.vn", "generic", GUESSED, seen=False),
    paper("Quảng Trị", "baoquangtri.vn", "generic", NOT_RESEARCHED, seen=False),
    portal("Quảng Bình", "quangbinh.dcs.vn", "generic",
           f"{GUESSED}; the portal passed to the merged press body in 2025", seen=False),
    paper("Quảng Bình", "baoquangbinh.vn", "yyyymm", f"stored pages; {DOCBAO}", seen=True),
    # Đà Nẵng + Quảng Nam
    portal("Đà Nẵng", "danang.dcs.vn", "generic", NAMED, seen=False),
    paper("Đà Nẵng", "baodanang.vn", "generic", RSS_ONLY, seen=False),
    portal("Quảng Nam", "quangnam.dcs.vn", "generic", GUESSED, seen=False),
    paper("Quảng Nam", "baoquangnam.vn", "generic", DOCBAO, seen=True),
    # Quảng Ngãi + Kon Tum
    portal("Quảng Ngãi", "quangngai.dcs.vn", "liferay",
           "public code: Liferay /-/asset_publisher/ URLs", seen=True),
    paper("Quảng Ngãi", "baoquangngai.vn", "generic", DOCBAO, seen=True),
    portal("Kon Tum", "kontum.dcs.vn", "generic", GUESSED, seen=False),
    paper("Kon Tum", "baokontum.com.vn", "generic", DOCBAO, seen=True),
    # Gia Lai + Bình Định
    portal("Gia Lai", "gialai.dcs.vn", "liferay",
           "public code: Liferay /-/view-content/ URLs; reports on Quy Nhơn after the merger",
           seen=True),
    paper("Gia Lai", "baogialai.com.vn", "generic", RSS_ONLY, seen=False),
    portal("Bình Định", "binhdinh.dcs.vn", "liferay",
           "public code: Liferay /-/asset_publisher/ and /documents/ URLs", seen=True),
    paper("Bình Định", "baobinhdinh.vn", "generic", RSS_ONLY, seen=False,
          more=("baobinhdinh.com.vn",)),
    # Khánh Hòa + Ninh Thuận
    portal("Khánh Hòa", "khanhhoa.dcs.vn", "generic", GUESSED, seen=False),
    paper("Khánh Hòa", "baokhanhhoa.vn", "yyyymm", f"stored pages; {DOCBAO}", seen=True),
    portal("Ninh Thuận", "ninhthuan.dcs.vn", "generic",
           "only its document system (qlvb.) seen in public code", seen=False),
    paper("Ninh Thuận", "baoninhthuan.com.vn", "generic", DOCBAO, seen=True),
    # Lâm Đồng + Đắk Nông + Bình Thuận
    portal("Lâm Đồng", "lamdong.dcs.vn", "generic",
           "only the sub-site btgdvtu.lamdong.dcs.vn seen in public code", seen=False),
    paper("Lâm Đồng", "baolamdong.vn", "generic", RSS_ONLY, seen=False),
    portal("Đắk Nông", "daknong.dcs.vn", "generic", GUESSED, seen=False),
    paper("Đắk Nông", "baodaknong.org.vn", "generic", f"stored listings; {DOCBAO}", seen=True),
    portal("Bình Thuận", "binhthuan.dcs.vn", "generic",
           "sub-sites btgtu., tinhdoan., truongchinhtri. seen in public code", seen=True),
    paper("Bình Thuận", "baobinhthuan.com.vn", "generic", DOCBAO, seen=True),
    # Đắk Lắk + Phú Yên
    portal("Đắk Lắk", "daklak.dcs.vn", "generic", GUESSED, seen=False),
    paper("Đắk Lắk", "baodaklak.vn", "generic", DOCBAO, seen=True),
    portal("Phú Yên", "phuyen.dcs.vn", "generic", GUESSED, seen=False),
    paper("Phú Yên", "baophuyen.vn", "generic", f"{DOCBAO} for baophuyen.com.vn", seen=True,
          more=("baophuyen.com.vn",),
          # docbao: sapo = the first paragraph of div.text, date div.newsDetail > .date
          selectors={"lead": ".newsDetail .text > p:first-of-type", "date": ".newsDetail > .date",
                     "drop": (".commentDetail", ".otherNews", ".newsDetail > .share")}),
    # TP. Hồ Chí Minh + Bình Dương + Bà Rịa - Vũng Tàu
    portal("TP. Hồ Chí Minh", "hcmcpv.org.vn", "generic",
           "public code: custom CMS, /tin-tuc/<slug>-<id>", seen=True),
    paper("TP. Hồ Chí Minh", "sggp.org.vn", "generic", DOCBAO, seen=True,
          name="Báo Sài Gòn Giải Phóng",
          # docbao: date .meta-info time, sapo .summary.cms-desc, body .content.cms-body, in-body
          # link boxes table.notification / table.quotes dropped; the byline p.author is a guess
          selectors={"date": ".meta-info time", "lead": ".summary.cms-desc",
                     "body": ".content.cms-body", "author": ".cms-body p.author",
                     "drop": ("table.notification", "table.quotes")}),
    portal("Bình Dương", "binhduong.dcs.vn", "generic", GUESSED, seen=False),
    paper("Bình Dương", "baobinhduong.vn", "generic", RSS_ONLY, seen=False),
    portal("Bà Rịa - Vũng Tàu", "baria-vungtau.dcs.vn", "generic",
           "public code: /portal/images/ paths; CMS unknown", seen=True),
    paper("Bà Rịa - Vũng Tàu", "baobariavungtau.com.vn", "generic", RSS_ONLY, seen=False),
    # Đồng Nai + Bình Phước
    portal("Đồng Nai", "dongnai.dcs.vn", "generic", GUESSED, seen=False),
    paper("Đồng Nai", "baodongnai.com.vn", "generic", RSS_ONLY, seen=False),
    portal("Bình Phước", "tinhuybinhphuoc.vn", "nukeviet",
           "archived pages: NukeViet-style tag listings (/news/tag/<tag>/page-N)", seen=True),
    paper("Bình Phước", "baobinhphuoc.com.vn", "generic", DOCBAO, seen=True),
    # Tây Ninh + Long An
    portal("Tây Ninh", "tayninh.dcs.vn", "nukeviet", "public code: NukeViet uploads", seen=True),
    paper("Tây Ninh", "baotayninh.vn", "generic", f"stored pages; {DOCBAO}; now covers Long An",
          seen=True),
    portal("Long An", "longan.dcs.vn", "websphere", "public code: /wps/wcm/connect/ URLs",
           seen=True),
    paper("Long An", "baolongan.vn", "generic", "last issue 30 Jun 2025 (stored report)",
          seen=True),
    # Cần Thơ + Sóc Trăng + Hậu Giang
    portal("Cần Thơ", "cantho.dcs.vn", "generic", GUESSED, seen=False),
    paper("Cần Thơ", "baocantho.com.vn", "generic", RSS_ONLY, seen=False),
    portal("Sóc Trăng", "soctrang.dcs.vn", "generic", GUESSED, seen=False),
    paper("Sóc Trăng", "baosoctrang.org.vn", "generic", DOCBAO, seen=True),
    portal("Hậu Giang", "haugiang.dcs.vn", "generic", GUESSED, seen=False),
    paper("Hậu Giang", "baohaugiang.com.vn", "generic", f"{RSS_ONLY}, marked unverified",
          seen=False),
    # Vĩnh Long + Bến Tre + Trà Vinh
    portal("Vĩnh Long", "vinhlong.dcs.vn", "generic",
           "only its document system (qlcvtinhuy.) seen in public code", seen=False),
    paper("Vĩnh Long", "baovinhlong.com.vn", "generic", DOCBAO, seen=True,
          more=("baovinhlong.vn",)),
    portal("Bến Tre", "bentre.dcs.vn", "generic",
           f"{PUBLIC_CODE}; the province planned to close it", seen=True),
    paper("Bến Tre", "baodongkhoi.vn", "generic", DOCBAO, seen=True, name="Báo Đồng Khởi"),
    portal("Trà Vinh", "travinh.dcs.vn", "aspnet", "public code: ASP.NET MVC paths", seen=True),
    paper("Trà Vinh", "baotravinh.vn", "generic", RSS_ONLY, seen=False),
    # Đồng Tháp + Tiền Giang
    portal("Đồng Tháp", "dongthap.dcs.vn", "generic",
           f"{GUESSED}; the province planned to close its portal", seen=False),
    paper("Đồng Tháp", "baodongthap.vn", "generic", f"{DOCBAO}; ASP.NET WebForms control ids",
          seen=True),
    portal("Tiền Giang", "tiengiang.dcs.vn", "generic", GUESSED, seen=False),
    paper("Tiền Giang", "baoapbac.vn", "generic", DOCBAO, seen=True, name="Báo Ấp Bắc"),
    # Cà Mau + Bạc Liêu
    portal("Cà Mau", "camau.dcs.vn", "vnportal",
           "public code: VNPT vnPortal files (files-vnportal.camau.dcs.vn)", seen=True),
    paper("Cà Mau", "baocamau.com.vn", "generic", DOCBAO, seen=True),
    portal("Bạc Liêu", "baclieu.dcs.vn", "generic", GUESSED, seen=False),
    paper("Bạc Liêu", "baobaclieu.vn", "generic", DOCBAO, seen=True),
    # An Giang + Kiên Giang
    portal("An Giang", "angiang.dcs.vn", "sharepoint",
           "public code: SharePoint /Style%20Library/ paths", seen=True),
    paper("An Giang", "baoangiang.com.vn", "generic", DOCBAO, seen=True),
    portal("Kiên Giang", "kiengiang.dcs.vn", "nukeviet", "public code: NukeViet uploads",
           seen=True),
    paper("Kiên Giang", "baokiengiang.vn", "generic", f"{RSS_ONLY}, marked unverified",
          seen=False),
)
# fmt: on
