"""`python -m sourcescore` runs the command line."""

from sourcescore.cli import main

if __name__ == "__main__":
    main()
