#!/usr/bin/python3
"""The deployment files for a class: they parse, and they agree with the repository and each other.

No container engine, Kubernetes cluster or PAM users exist on the test machines, so the image is not
built and the chart is not installed here; what can be checked without them is.
Run:  /usr/bin/python3 -m unittest tests/test_deploy.py   (from the repository root)
"""
import re
import unittest
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
KUBERNETES = ROOT / "deploy" / "kubernetes"
HUB_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"


class KubernetesFilesTest(unittest.TestCase):

    def setUp(self):
        self.dockerfile = (KUBERNETES / "Dockerfile").read_text()
        self.values = yaml.safe_load((KUBERNETES / "values.yaml").read_text())

    def test_every_path_the_image_copies_from_the_repository_exists(self):
        sources = [line.split()[1] for line in self.dockerfile.splitlines()
                   if line.startswith("COPY ") and "--from=" not in line]
        self.assertIn("notebooks", sources)
        for source in sources:
            self.assertTrue((ROOT / source).exists(), f"the Dockerfile copies {source}, which is not in the repository")

    def test_the_notebooks_students_copy_are_where_the_image_puts_them(self):
        image_notebooks = re.search(r"^COPY notebooks (\S+)$", self.dockerfile, re.MULTILINE).group(1)
        start = " ".join(self.values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
        self.assertIn(f"cp -r {image_notebooks} ", start)
        self.assertTrue(self.values["singleuser"]["defaultUrl"].endswith("/concurrency-lab"))

    def test_limits_leave_room_for_a_student_and_never_sign_up_strangers(self):
        memory = self.values["singleuser"]["memory"]
        mib = {k: int(v.rstrip("M")) for k, v in memory.items()}
        # A student's server after the tour notebook takes about 446 MiB (README, "A class on one machine").
        self.assertGreaterEqual(mib["guarantee"], 446)
        self.assertGreater(mib["limit"], mib["guarantee"])
        config = self.values["hub"]["config"]
        self.assertNotEqual(config["JupyterHub"]["authenticator_class"], "dummy")
        self.assertFalse(config.get("NativeAuthenticator", {}).get("open_signup", False))


class HubConfigTest(unittest.TestCase):

    def test_a_kernel_that_lost_its_port_while_starting_gets_new_ports(self):
        # Jupyter restarts a kernel that died on new ports only while it counts as starting.
        source = HUB_CONFIG.read_text()
        compile(source, str(HUB_CONFIG), "exec")
        seconds = int(re.search(r"--KernelRestarter\.stable_start_time=(\d+)", source).group(1))
        self.assertGreaterEqual(seconds, 30)


if __name__ == "__main__":
    unittest.main()
