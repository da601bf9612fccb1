"""The `kreftkoordinator` console command: Django's management commands under the product's name.

Command names may be written with hyphens (`kreftkoordinator import-areas FILE`).
"""

import os
import sys


def main() -> None:
    args = sys.argv[:]
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
        if args[1] in (
            "demo",
            "benchmark_casework",
            "benchmark_public",
        ):  # both run on the synthetic demo data
            os.environ.setdefault("KREFTKOORDINATOR_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreftkoordinator.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
