import sys

from data_access.briefing.cli import main

sys.exit(main())
