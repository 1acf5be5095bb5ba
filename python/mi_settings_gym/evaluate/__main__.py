"""``python -m mi_settings_gym.evaluate``: see :mod:`mi_settings_gym.evaluate.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
