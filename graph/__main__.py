"""``python -m graph``: the dikg command line."""

from .cli import main

main()
