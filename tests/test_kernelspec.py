"""The kernelspec that Jupyter finds under the name concurrency-lab is one it can launch."""

import os
import re
import subprocess
import unittest

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = "concurrency-lab"


class KernelspecTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)

    def test_runs_the_jar_with_an_absolute_jdk_21_or_newer(self):
        # /bin/sh -c SCRIPT JAVA ...: the shell finds the running user's cache dir, then execs java
        self.assertEqual(self.spec.argv[:2], ["/bin/sh", "-c"])
        java = self.spec.argv[3]
        self.assertTrue(os.path.isabs(java) and os.access(java, os.X_OK), java)
        version = subprocess.run([java, "-version"], capture_output=True, text=True, check=True).stderr
        feature = int(re.search(r'version "(\d+)', version).group(1))
        self.assertGreaterEqual(feature, 21, version)
        jar = self.spec.argv[self.spec.argv.index("-jar") + 1]
        self.assertTrue(os.path.isabs(jar) and os.path.isfile(jar), jar)
        self.assertEqual(self.spec.argv[-3:], ["kernel", "-f", "{connection_file}"])

    def test_names_the_language_interrupt_mode_and_java_version(self):
        self.assertEqual(self.spec.language, "java")
        self.assertEqual(self.spec.interrupt_mode, "message")
        self.assertRegex(self.spec.display_name, r"^Java \d+ \(Concurrency Lab\)$")

    def test_has_both_logos(self):
        for size in ("32x32", "64x64"):
            with open(os.path.join(self.spec.resource_dir, f"logo-{size}.png"), "rb") as logo:
                self.assertEqual(logo.read(8), b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main()
