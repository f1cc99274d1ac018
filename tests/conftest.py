import sys
from pathlib import Path

# Fixture builders (tests/loaders/sheets.py) are imported by name from any test.
sys.path.insert(0, str(Path(__file__).parent / "loaders"))
