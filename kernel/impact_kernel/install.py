"""Installs the ``impact`` kernelspec for the current user.

Usage: ``python3 -m impact_kernel.install --impact /path/to/impact`` (``make kernel`` runs it).
The spec runs this interpreter with this package on ``PYTHONPATH``, and names the binary in
``IMPACT_BINARY``, so the kernel works from any directory without a pip install.
"""

import argparse
import json
import os
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--impact", required=True, help="path of the built impact binary")
    parser.add_argument("--name", default="impact", help="kernel name (default: impact)")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.impact)
    if not os.access(binary, os.X_OK):
        sys.exit("error: %s is not an executable; build it first (swift build --product impact)" % binary)
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    spec = {
        # -Xfrozen_modules=off quiets the debugger warning of Python 3.11 (older versions ignore it).
        "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "impact_kernel", "-f", "{connection_file}"],
        "display_name": "Impact Workbench",
        "language": "impact",
        "env": {"IMPACT_BINARY": binary, "PYTHONPATH": package_root},
    }
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "kernel.json"), "w") as file:
            json.dump(spec, file, indent=1)
        path = KernelSpecManager().install_kernel_spec(folder, arguments.name, user=True)
    print("Installed kernel '%s' in %s (impact: %s)" % (arguments.name, path, binary))


if __name__ == "__main__":
    main()
