"""Fail when a test that needs PostgreSQL or Redis was skipped: in CI those services are up."""

import sys
import xml.etree.ElementTree as ET

SERVICE_WORDS = ("PARTYNEWS_TEST_POSTGRES", "PARTYNEWS_TEST_REDIS", "postgres", "redis")


def main(path: str) -> int:
    """Print every skipped service test and return 1 if there is one."""
    tree = ET.parse(path)  # noqa: S314 - our own pytest's report
    bad = []
    for case in tree.iter("testcase"):
        skipped = case.find("skipped")
        if skipped is None:
            continue
        text = " ".join([case.get("name", ""), skipped.get("message", ""), skipped.text or ""])
        if any(word.lower() in text.lower() for word in SERVICE_WORDS):
            bad.append(f"{case.get('classname')}::{case.get('name')}: {skipped.get('message')}")
    for line in bad:
        print(f"CI: service test skipped: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
