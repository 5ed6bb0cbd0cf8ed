"""Custom ASP.NET portals: DetailView, NewsDetailView, DotNetNuke and ``.aspx`` sites (§3.6)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.sites.base import Family, Selectors

# tuyenquang.dcs.vn /DetailView/<id>/<catId>/<Slug>.html; phutho.dcs.vn
# /ContentDetail/NewsDetailView?NewsId=<GUID>; dukcqtw.dcs.vn /<slug>-duk<id>.aspx;
# DotNetNuke and the Hải Phòng portal: Default.aspx?…NewsId=… / ContentID=…
ARTICLE_URL = (
    r"/DetailView/\d+/|/NewsDetailView\?(?:.*&)?NewsId=|-duk\d+\.aspx$"
    r"|[?&](?:NewsId|ContentID|ArticleID|ItemID)=[\w-]+"
)
LISTING_URL = r"/(?:ListView|CategoryView|NewsListView|Category)/|[?&](?:page|PageIndex|CatID)=\d+"
PRINT_URL = r"/Print(?:View)?/|[?&](?:print|printview)=|/PrintNews"
# cookieless session ids in the path: /(S(abc123))/
_SESSION_SEGMENT = re.compile(r"/\([A-Z]\([\w-]+\)\)", re.IGNORECASE)
_STATE_PARAMS = frozenset(
    {"asp.net_sessionid", "sessionid", "sid", "__viewstate", "__eventvalidation",
     "__eventtarget", "__eventargument", "__viewstategenerator", "view", "viewmode", "print",
     "printview", "returnurl"}
)


def canonical_url(url: str) -> str:
    """Drop cookieless session segments and session/view-state/print parameters."""
    parts = urlsplit(url)
    path = _SESSION_SEGMENT.sub("", parts.path) or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if key.lower() not in _STATE_PARAMS]
    query = urlencode(kept) if len(kept) != len(pairs) else parts.query
    return urlunsplit(parts._replace(path=path, query=query))


SELECTORS = Selectors(
    title=(".ContentDetail h1, .news-detail h1, .NewsDetail .NewsTitle, .NewsDetail h1, "
           "h1.title, .title-detail, .news-title"),
    lead=".ContentDetail .sapo, .news-detail .sapo, .NewsDetail .NewsSapo, .news-summary",
    body=(".ContentDetail .content-detail, .news-detail .news-content, .NewsDetail .NewsContent, "
          ".content-detail, .news-content, .NewsContent, #divContent"),
    date=(".ContentDetail .date, .news-detail .date, .NewsDetail .NewsDate, "
          ".divDetail_DateCreate, .news-date"),
    author=".news-author, .NewsAuthor",
    caption=".content-detail .image_desc, .NewsContent .image_desc",
    drop=(".aspNetHidden", ".related", ".news-other", ".NewsOther", ".lienket", "select"),
    ignore_dates=("#dnn_lblDate", ".header .date", "#header .date"),
)

FAMILY = Family(
    name="aspnet",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=(),
    fingerprints=(
        r"/DetailView/\d+/\d+/",
        r"NewsDetailView\?NewsId=",
        r"-duk\d+\.aspx",
        r"name=[\"']__VIEWSTATE[\"']",
        r"/(?:WebResource|ScriptResource)\.axd\?",
        r"id=[\"']dnn_\w+",
        r"/Portals/\d+/",
        r"Default\.aspx\?(?:[^\"']*&(?:amp;)?)?(?:tabid|Organization)=",
    ),
    canonical_url=canonical_url,
)
