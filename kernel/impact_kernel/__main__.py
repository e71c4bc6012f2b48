"""Entry point that Jupyter runs: ``python3 -m impact_kernel -f CONNECTION_FILE``."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import ImpactKernel

IPKernelApp.launch_instance(kernel_class=ImpactKernel)
