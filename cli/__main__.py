"""`python -m cli` runs the same entry point as the `briefing-builder` command."""

from cli.main import main

raise SystemExit(main())
