"""The wrapper kernel: one ``impact kernel`` process per Jupyter kernel, one JSON line per cell."""

import json
import os
import shutil
import subprocess
import tempfile

from ipykernel.kernelbase import Kernel

from . import __version__


class ImpactError(Exception):
    """The workbench process could not answer (it is missing, or it stopped)."""


class ImpactKernel(Kernel):
    """Runs notebook cells in one Impact Workbench session.

    The ``impact`` binary comes from the ``IMPACT_BINARY`` environment variable, which ``make
    kernel`` writes into the kernelspec, or else from the PATH.
    """

    implementation = "impact_kernel"
    implementation_version = __version__
    language = "impact"
    language_version = __version__
    language_info = {
        "name": "impact",
        "mimetype": "text/x-impact",
        "file_extension": ".impact",
        # Comments (#) and quoted strings highlight sensibly with a shell lexer.
        "pygments_lexer": "bash",
        "codemirror_mode": "shell",
    }
    banner = "Impact Workbench: type 'help' for the commands."

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._process = None
        # The process's standard error goes to a file, not a pipe nobody reads (which could fill
        # up and block it) and not a terminal (which would turn on progress lines); its end is
        # shown when the process stops unexpectedly.
        self._errors = tempfile.TemporaryFile()

    def _binary(self):
        binary = os.environ.get("IMPACT_BINARY") or shutil.which("impact")
        if not binary or not os.access(binary, os.X_OK):
            raise ImpactError(
                "The impact binary was not found (IMPACT_BINARY=%r). Run 'make kernel' in the "
                "workbench repository to build it and reinstall the kernel." % binary
            )
        return binary

    def _start(self):
        """Starts ``impact kernel`` in the notebook's directory (Jupyter's working directory)."""
        self._errors.seek(0)
        self._errors.truncate()
        self._process = subprocess.Popen(
            [self._binary(), "kernel"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
            encoding="utf-8",
        )

    def _stop(self):
        """Ends the process: closing its input ends its loop; kill it if it does not exit."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()

    def _ask(self, code):
        """Sends one cell and returns the decoded reply."""
        if self._process is None or self._process.poll() is not None:
            self._start()
        try:
            self._process.stdin.write(json.dumps({"code": code}) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            status = self._process.wait()
            self._errors.seek(0)
            tail = self._errors.read().decode("utf-8", "replace")[-2000:]
            self._process = None
            raise ImpactError(
                "The impact process stopped (exit status %s); the session starts afresh with the "
                "next cell, so load the data again.\n%s" % (status, tail)
            )
        return json.loads(line)

    def _display(self, output):
        """Publishes one output with every form it has; the notebook shows the richest."""
        data = {"text/plain": output.get("text", "")}
        if output.get("html"):
            data["text/html"] = output["html"]
        if output.get("svg"):
            data["image/svg+xml"] = output["svg"]
        self.send_response(self.iopub_socket, "display_data", {"data": data, "metadata": {}})

    def _error(self, name, message, line=None):
        """Publishes an error and returns the matching execute reply."""
        where = "line %d: " % line if line else ""
        content = {"ename": name, "evalue": message, "traceback": [where + message]}
        self.send_response(self.iopub_socket, "error", content)
        return dict(content, status="error", execution_count=self.execution_count)

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        ok = {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
        if not code.strip():
            return ok
        try:
            reply = self._ask(code)
        except ImpactError as error:
            return self._error("ImpactError", str(error))
        except KeyboardInterrupt:
            # An interrupt reaches the whole process group, so the session is gone with it.
            self._stop()
            return self._error("Interrupted", "Interrupted; the session starts afresh with the next cell.")
        if not silent:
            for output in reply.get("outputs", []):
                self._display(output)
        if reply.get("status") != "ok":
            return self._error("CommandError", reply.get("error", "unknown error"), reply.get("line"))
        return ok

    def do_shutdown(self, restart):
        self._stop()
        return {"status": "ok", "restart": restart}
