"""Checks the installed ``impact`` kernel through Jupyter's own client, as a notebook uses it.

Run by ``make notebooks`` before the notebooks (``python3 -m unittest discover -s kernel/tests``);
needs the kernel installed (``make kernel``). Standard library and jupyter_client only.
"""

import os
import unittest

from jupyter_client.manager import start_new_kernel

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class ImpactKernelTest(unittest.TestCase):
    def setUp(self):
        # The kernel works in the directory it starts in, as Jupyter starts it in the notebook's.
        self.manager, self.client = start_new_kernel(kernel_name="impact", cwd=REPOSITORY)

    def tearDown(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)

    def run_cell(self, code):
        """The execute reply's content and the cell's display_data and error messages."""
        msg_id = self.client.execute(code)
        reply = self.client.get_shell_msg(timeout=120)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.client.get_shell_msg(timeout=120)
        published = []
        while True:
            message = self.client.get_iopub_msg(timeout=30)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] in ("display_data", "error"):
                published.append((message["msg_type"], message["content"]))
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return reply["content"], published

    def test_rich_outputs(self):
        reply, published = self.run_cell(
            "use datasets/sales-training/sales_training.csv\ntabulate region\nplot sales saving out/kernel-test.svg"
        )
        self.assertEqual(reply["status"], "ok")
        self.assertEqual([kind for kind, _ in published], ["display_data"] * 3)
        self.assertEqual(set(published[0][1]["data"]), {"text/plain"})
        self.assertIn("<td>North</td>", published[1][1]["data"]["text/html"])
        self.assertTrue(published[2][1]["data"]["image/svg+xml"].startswith("<svg"))

    def test_error_stops_the_cell_and_keeps_the_session(self):
        reply, published = self.run_cell("use datasets/sales-training/sales_training.csv\nbogus\nhead 1")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "CommandError")
        self.assertTrue(reply["traceback"][0].startswith("line 2: Unknown command 'bogus'"))
        self.assertEqual([kind for kind, _ in published], ["display_data", "error"])
        reply, _ = self.run_cell("head 1")
        self.assertEqual(reply["status"], "ok")

    def test_restart_starts_a_fresh_session(self):
        self.run_cell("use datasets/sales-training/sales_training.csv")
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=60)
        reply, _ = self.run_cell("head 1")
        self.assertEqual(reply["status"], "error")
        self.assertIn("needs a dataset", reply["evalue"])


if __name__ == "__main__":
    unittest.main()
