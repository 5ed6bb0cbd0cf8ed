"""Fail when a test that needs PostgreSQL or Redis was skipped: in CI those services are up."""

import sys
import xml.etree.ElementTree as ET

# The service fixtures skip with a message naming the variable that was not set.
SERVICE_WORDS = ("PARTYNEWS_TEST_POSTGRES", "PARTYNEWS_TEST_REDIS")


def main(path: str) -> int:
    """Print every skipped service test and return 1 if there is one."""
    tree = ET.parse(path)  # noqa: S314 - our own pytest's report
    bad = []
    for case in tree.iter("testcase"):
        skipped = case.find("skipped")
        if skipped is None:
            continue
        text = " ".join([skipped.get("message", ""), skipped.text or ""])
        if any(word in text for word in SERVICE_WORDS):
            bad.append(f"{case.get('classname')}::{case.get('name')}: {skipped.get('message')}")
    for line in bad:
        print(f"CI: service test skipped: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
