import sys

from constructor.cli import main

sys.exit(main())
