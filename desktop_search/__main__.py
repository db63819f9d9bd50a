import multiprocessing
import sys

from desktop_search.cli.main import main

if __name__ == "__main__":  # guarded: spawned worker processes re-import this module
    multiprocessing.freeze_support()  # a frozen bundle's extractor workers start here
    sys.exit(main())
