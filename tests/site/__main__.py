"""Serve the test site in the foreground: ``python -m tests.site --articles 24 --port 8000``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.site.generator import build_site
from tests.site.server import SiteServer


def main(argv: list[str] | None = None) -> int:
    """Build the site, print its base URL and serve it until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m tests.site", description=__doc__)
    parser.add_argument("--articles", type=int, default=24, help="number of articles (default 24)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--port", type=int, default=8000, help="port on 127.0.0.1; 0 picks a free one"
    )
    parser.add_argument("--log", type=Path, default=None, help="append requests as JSON lines here")
    parser.add_argument(
        "--delay", type=float, default=0.0, help="seconds to hold back every answer (default 0)"
    )
    options = parser.parse_args(argv)
    server = SiteServer(
        build_site(options.articles, seed=options.seed),
        options.port,
        log_path=options.log,
        delay=options.delay,
    )
    sys.stdout.write(f"{server.base_url}/\n")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
