"""Allow ``python -m crawler`` as a synonym of the ``partynews`` command."""

import sys

from crawler.cli import main

sys.exit(main())
