#!/usr/bin/python3
"""The README tells the truth: every Java example in it runs through the kernel, and what it quotes
as the output has the shape of what the kernel prints now (see tests/readme_examples.py).

Run:  /usr/bin/python3 -m unittest tests/test_readme.py   (from the repository root; needs the
concurrency-lab kernel installed)
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import readme_examples  # noqa: E402


class ReadmeTest(unittest.TestCase):

    def test_the_readme_has_examples_with_outputs(self):
        found = readme_examples.examples(readme_examples.README.read_text(encoding="utf-8"))
        self.assertGreater(len(found), 15)
        self.assertGreater(sum(1 for e in found if e.output is not None), 10)

    def test_the_shape_ignores_timings_and_keeps_results(self):
        quoted = ("serial: 4 tasks on 1 worker — wall 400 ms, tasks' CPU 380 ms, CPU utilisation 0.95 (JVM CPU 400 ms)\n"
                  "Result: [41538, 36960]")
        now = ("serial: 4 tasks on 1 worker — wall 1.02 s, tasks' CPU 990 ms, CPU utilisation 0.97 (JVM CPU 1.01 s)\n"
               "Result: [41538, 36960]")
        self.assertEqual(readme_examples.shape(quoted), readme_examples.shape(now))
        self.assertNotEqual(readme_examples.shape(quoted), readme_examples.shape(now.replace("36960", "1")))
        self.assertNotEqual(readme_examples.shape(quoted), readme_examples.shape(now.replace("4 tasks", "2 tasks")))

    def test_every_example_runs_and_prints_what_the_readme_quotes(self):
        text = readme_examples.README.read_text(encoding="utf-8")
        kernels = readme_examples.Kernels()
        try:
            for example, ran in readme_examples.run_all(readme_examples.examples(text), kernels, report=lambda _: None):
                first = example.code.splitlines()[0]
                with self.subTest(line=example.line, example=first):
                    if example.output is None:
                        self.assertEqual(ran.errors, [], f"README line {example.line}: {first}")
                    else:
                        self.assertEqual(readme_examples.shape(example.output), readme_examples.shape(ran.text),
                                         f"README line {example.line}: {first}\n--- quoted\n{example.output}"
                                         f"\n--- now\n{ran.text}")
                    if example.image:
                        self.assertTrue(ran.images, f"README line {example.line} shows {example.image}: no image came")
        finally:
            kernels.close()


if __name__ == "__main__":
    unittest.main()
