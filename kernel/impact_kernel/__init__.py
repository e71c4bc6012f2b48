"""Jupyter kernel for the Impact Workbench command language.

The kernel is a thin wrapper: it starts ``impact kernel`` once and sends it each cell as one JSON
line; the workbench runs the cell in its session and answers with one JSON line (see
``Sources/Workbench/KernelProtocol.swift``). Install it with ``make kernel``.
"""

__version__ = "1.0.0"
