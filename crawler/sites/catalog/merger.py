"""The 34 provinces after the 2025 merger and the provinces each absorbed: the one source."""

from __future__ import annotations

from types import MappingProxyType

MERGER_DATE = "1 Jul 2025"

MERGER: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        # The 11 units left unchanged.
        "Hà Nội": (),
        "Huế": (),
        "Lai Châu": (),
        "Điện Biên": (),
        "Sơn La": (),
        "Lạng Sơn": (),
        "Quảng Ninh": (),
        "Thanh Hóa": (),
        "Nghệ An": (),
        "Hà Tĩnh": (),
        "Cao Bằng": (),
        # The 23 merged units: the first (kept) name, then the provinces it absorbed.
        "Tuyên Quang": ("Hà Giang",),
        "Lào Cai": ("Yên Bái",),
        "Thái Nguyên": ("Bắc Kạn",),
        "Phú Thọ": ("Vĩnh Phúc", "Hòa Bình"),
        "Bắc Ninh": ("Bắc Giang",),
        "Hưng Yên": ("Thái Bình",),
        "Hải Phòng": ("Hải Dương",),
        "Ninh Bình": ("Hà Nam", "Nam Định"),
        "Quảng Trị": ("Quảng Bình",),
        "Đà Nẵng": ("Quảng Nam",),
        "Quảng Ngãi": ("Kon Tum",),
        "Gia Lai": ("Bình Định",),
        "Khánh Hòa": ("Ninh Thuận",),
        "Lâm Đồng": ("Đắk Nông", "Bình Thuận"),
        "Đắk Lắk": ("Phú Yên",),
        "TP. Hồ Chí Minh": ("Bình Dương", "Bà Rịa - Vũng Tàu"),
        "Đồng Nai": ("Bình Phước",),
        "Tây Ninh": ("Long An",),
        "Cần Thơ": ("Sóc Trăng", "Hậu Giang"),
        "Vĩnh Long": ("Bến Tre", "Trà Vinh"),
        "Đồng Tháp": ("Tiền Giang",),
        "Cà Mau": ("Bạc Liêu",),
        "An Giang": ("Kiên Giang",),
    }
)
"""Each current province (34, north to south) → the provinces merged into it on 1 Jul 2025."""

PROVINCES: tuple[str, ...] = tuple(MERGER)
"""The 34 current provinces and centrally-run cities."""

CITIES = frozenset({"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"})
"""The centrally-run cities: their party committee is a 'Thành ủy', not a 'Tỉnh ủy'."""

ABSORBED_INTO: MappingProxyType[str, str] = MappingProxyType(
    {old: new for new, olds in MERGER.items() for old in olds}
)
"""Each absorbed province → the current province it is part of."""


def current_province(place: str) -> str:
    """Return the current province of ``place`` (a current or an absorbed province's name)."""
    if place in MERGER:
        return place
    try:
        return ABSORBED_INTO[place]
    except KeyError:
        raise ValueError(f"not a province before or after the 2025 merger: {place!r}") from None
